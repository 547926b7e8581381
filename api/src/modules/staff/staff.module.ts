import { defineModule } from '../module';
import { StaffAccount } from './staff-account.entity';
import { StaffSession } from './staff-session.entity';
import { StaffResolver } from './staff.resolver';

export const staffModule = defineModule({
  name: 'staff',
  entities: [StaffAccount, StaffSession],
  resolvers: [StaffResolver],
});
