import { defineModule } from '../module';
import { ApiKey, ApiKeyOperation, ApiKeyUsage } from './api-key.entity';
import { ApiKeyResolver } from './api-key.resolver';
import { PersistedOperationResolver } from './persisted-operations.resolver';

export const apiKeyModule = defineModule({
  name: 'api-key',
  entities: [ApiKey, ApiKeyUsage, ApiKeyOperation],
  resolvers: [ApiKeyResolver, PersistedOperationResolver],
});
