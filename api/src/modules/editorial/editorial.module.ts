import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { BrandProgramme } from './brand-programme.entity';
import { CentreProfile } from './centre-profile.entity';
import { createEditorialLoaders } from './editorial.loaders';
import { BrandProgrammeResolver, CentreEditorialResolver, CentreProfileResolver, ShowcaseArticleResolver } from './editorial.resolver';
import { ShowcaseArticle } from './showcase-article.entity';
import { findArticle, findProfile, findProgramme } from './editorial.nodes';

export const editorialModule = defineModule({
  name: 'editorial',
  entities: [CentreProfile, BrandProgramme, ShowcaseArticle],
  resolvers: [CentreEditorialResolver, CentreProfileResolver, BrandProgrammeResolver, ShowcaseArticleResolver],
  loaders: ({ read, options }) => createEditorialLoaders(read, options),
  listTags: { article: Tags.articleLists, articles: Tags.articleLists, brandProgramme: Tags.programmeLists },
  nodes: {
    CentreProfile: { load: findProfile, missingTag: Tags.search },
    BrandProgramme: { load: findProgramme, missingTag: Tags.programmeLists },
    ShowcaseArticle: { load: findArticle, missingTag: Tags.articleLists },
  },
});
