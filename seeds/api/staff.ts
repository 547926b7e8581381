import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffRole } from '../../api/src/auth/actor';
import { StaffAccount } from '../../api/src/modules/staff/staff-account.entity';
import { PUBLISHED_STAFF_PASSWORD } from '../../api/src/modules/staff/published-credentials';
import { createStaffAccount, type NewStaffAccount } from '../../api/src/modules/staff/staff.service';

export { liveDevelopmentStaff } from '../../api/src/modules/staff/published-credentials';

/** One password for every development account: they exist only outside production. */
export const DEVELOPMENT_STAFF_PASSWORD = PUBLISHED_STAFF_PASSWORD;

/**
 * One account per role, in regions the source article names, plus a second county
 * administrator (澄江市) so a cross-region refusal can be tried by hand. Their emails are the
 * ones production refuses (PUBLISHED_STAFF_EMAILS; a test keeps the two lists equal).
 */
export const DEVELOPMENT_STAFF: Array<Omit<NewStaffAccount, 'password'>> = [
  { email: 'city@example.com', displayName: '玉溪市 管理员', role: StaffRole.CITY_ADMIN, regionCode: '530400' },
  { email: 'hongta@example.com', displayName: '红塔区 管理员', role: StaffRole.COUNTY_ADMIN, regionCode: '530402' },
  { email: 'chengjiang@example.com', displayName: '澄江市 管理员', role: StaffRole.COUNTY_ADMIN, regionCode: '530481' },
  { email: 'gaocang@example.com', displayName: '高仓街道 管理员', role: StaffRole.STREET_ADMIN, regionCode: '530402901' },
  { email: 'gaolongtan@example.com', displayName: '高龙潭社区 工作人员', role: StaffRole.CENTRE_STAFF, centreCode: '530402999001-01' },
  { email: 'evaluator@example.com', displayName: '红塔区 评审员', role: StaffRole.EVALUATOR, regionCode: '530402' },
];

/** Creates the development accounts that are missing; existing ones (and their passwords) are left alone. */
export async function seedDevelopmentStaff(em: EntityManager): Promise<number> {
  let created = 0;
  for (const account of DEVELOPMENT_STAFF) {
    if (await em.count(StaffAccount, { email: account.email })) continue;
    await createStaffAccount(em, { ...account, password: DEVELOPMENT_STAFF_PASSWORD });
    created += 1;
  }
  return created;
}
