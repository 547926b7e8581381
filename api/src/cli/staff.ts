import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { StaffRole } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { changeStaffPassword, createStaffAccount, disableStaffAccount } from '../modules/staff/staff.service';
import { withOrm } from './with-orm';

const USAGE = `Usage:
  npm run staff:create -- --role CITY_ADMIN --region 530400 --email city.admin@yuxi.gov.cn [--name "张三"] [--password …]
  npm run staff:create -- --role CENTRE_STAFF --centre 530402999001-01 --email …
  npm run staff:password -- --email … [--password …]
  npm run staff:disable -- --email …
Roles: ${Object.values(StaffRole).join(', ')}. Without --password a strong one is generated and printed once.
A new password or disabling signs the account out everywhere.`;

/** Creates staff accounts, changes their passwords, disables them (the first city administrator, for one). */
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
  const em = orm.em.fork();
  const password = values.password ?? randomBytes(15).toString('base64url');
  const printPassword = () => {
    if (!values.password) console.log(`\nPassword (shown this once; only its scrypt hash is stored):\n\n  ${password}\n`);
  };
  try {
    if (command === 'create' && values.role && values.email && values.role in StaffRole) {
      const account = await createStaffAccount(em, {
        role: values.role as StaffRole,
        regionCode: values.region,
        centreCode: values.centre,
        email: values.email,
        displayName: values.name ?? values.email,
        password,
      });
      console.log(`Created ${account.role} ${account.email} for region ${account.region.code}${account.centre ? `, centre ${account.centre.code}` : ''}.`);
      printPassword();
    } else if (command === 'password' && values.email) {
      const account = await changeStaffPassword(em, values.email, password);
      console.log(`Changed the password of ${account.email} and signed it out everywhere.`);
      printPassword();
    } else if (command === 'disable' && values.email) {
      const account = await disableStaffAccount(em, values.email);
      console.log(`Disabled ${account.email} and signed it out everywhere.`);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`Cannot ${command === 'password' ? 'change the password of' : command} the account: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
});
