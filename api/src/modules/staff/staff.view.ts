import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import type { StaffAccount } from './staff-account.entity';

@ObjectType('StaffAccount', { simpleResolvers: true, description: 'A staff member who signs in to keep data and run the rating cycle.' })
export class StaffAccountView {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => StaffRole)
  role!: StaffRole;

  regionCode!: string;
  centreCode!: string | null;
}

export function toStaffAccountView(account: StaffAccount): StaffAccountView {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    regionCode: account.region.code,
    centreCode: account.centre?.code ?? null,
  };
}

export const STAFF_COLUMNS = `s.id, s.email, s.display_name as "displayName", s.role, s.region_code as "regionCode", s.centre_code as "centreCode"`;
