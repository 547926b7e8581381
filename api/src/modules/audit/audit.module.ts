import { defineModule } from '../module';
import { AuditResolver } from './audit.resolver';

export const auditModule = defineModule({
  name: 'audit',
  resolvers: [AuditResolver],
});
