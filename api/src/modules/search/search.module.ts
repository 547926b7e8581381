import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { SearchResolver } from './search.resolver';

export const searchModule = defineModule({
  name: 'search',
  resolvers: [SearchResolver],
  listTags: { search: Tags.search },
});
