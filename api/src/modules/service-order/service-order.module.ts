import { defineModule } from '../module';
import { ResidentServiceOrderResolver } from './resident.resolver';
import { ServiceOrder, ServiceOrderDispatch, ServiceOrderEvent } from './service-order.entity';
import { createServiceOrderLoaders } from './service-order.loaders';
import { CentreServiceOrdersResolver, ServiceOrderDispatchResolver, ServiceOrderResolver } from './service-order.resolver';

// No list tags: no answer showing orders is ever cached (staff and residents' answers are private).
export const serviceOrderModule = defineModule({
  name: 'service-order',
  entities: [ServiceOrder, ServiceOrderDispatch, ServiceOrderEvent],
  resolvers: [ServiceOrderResolver, CentreServiceOrdersResolver, ServiceOrderDispatchResolver, ResidentServiceOrderResolver],
  loaders: createServiceOrderLoaders,
});
