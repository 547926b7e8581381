import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { StaffRole } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { createStaffAccount } from '../modules/staff/staff.service';
import { withOrm } from './with-orm';

const USAGE = `Usage:
  npm run staff:create -- --role CITY_ADMIN --region 530400 --email city.admin@yuxi.gov.cn [--name "张三"] [--password …]
  npm run staff:create -- --role CENTRE_STAFF --centre 530402999001-01 --email …
Roles: ${Object.values(StaffRole).join(', ')}. Without --password a strong one is generated and printed once.`;

/** Creates a staff account from the command line (the first city administrator, for one). */
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    role: { type: 'string' },
    region: { type: 'string' },
    centre: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  },
  strict: true,
});

void withOrm(async (orm) => {
  await orm.getMigrator().up();
  try {
    if (command !== 'create' || !values.role || !values.email || !(values.role in StaffRole)) {
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    const password = values.password ?? randomBytes(15).toString('base64url');
    const account = await createStaffAccount(orm.em.fork(), {
      role: values.role as StaffRole,
      regionCode: values.region,
      centreCode: values.centre,
      email: values.email,
      displayName: values.name ?? values.email,
      password,
    });
    console.log(`Created ${account.role} ${account.email} for region ${account.region.code}${account.centre ? `, centre ${account.centre.code}` : ''}.`);
    if (!values.password) console.log(`\nPassword (shown this once; only its scrypt hash is stored):\n\n  ${password}\n`);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`Cannot create the account: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
});
