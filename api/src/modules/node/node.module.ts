import { defineModule } from '../module';
import { NodeResolver } from './node.resolver';

/** node(id:) and nodes(ids:): the types themselves register how they are found (each module's `nodes`). */
export const nodeModule = defineModule({
  name: 'node',
  resolvers: [NodeResolver],
});
