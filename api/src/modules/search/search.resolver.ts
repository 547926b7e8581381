import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { localizedKey } from '../editorial/editorial.loaders';
import { SearchArgs } from './search.inputs';
import { search, SearchHitType } from './search.service';
import { NODE_TYPE, SearchHit, SearchResults } from './search.types';

const NODE_TYPE_NAMES: Record<SearchHitType, string> = {
  [SearchHitType.CENTRE]: 'Centre',
  [SearchHitType.CENTRE_PROFILE]: 'CentreProfile',
  [SearchHitType.BRAND_PROGRAMME]: 'BrandProgramme',
  [SearchHitType.SHOWCASE_ARTICLE]: 'ShowcaseArticle',
};

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchResults, { description: 'Search centres, profiles, programmes and articles (Chinese or English).' })
  async search(@Args() { query, first, locale }: SearchArgs, @Ctx() { read }: Context): Promise<SearchResults> {
    const result = await search(read, { query, first, locale });
    return { totalCount: result.totalCount, hits: result.hits.map((hit) => Object.assign(new SearchHit(), hit, { locale })) };
  }

  @FieldResolver()
  async node(@Root() hit: SearchHit, @Ctx() context: Context) {
    const node = await this.find(hit, context);
    return node && Object.assign(node, { [NODE_TYPE]: NODE_TYPE_NAMES[hit.type] });
  }

  private find(hit: SearchHit, { loaders }: Context) {
    switch (hit.type) {
      case SearchHitType.CENTRE:
        return loaders.centreByCode.load(hit.key);
      case SearchHitType.CENTRE_PROFILE:
        return loaders.profileByCentreCode.load(localizedKey(hit.locale, hit.key));
      case SearchHitType.BRAND_PROGRAMME:
        return loaders.programmeByDocumentId.load(localizedKey(hit.locale, hit.key));
      case SearchHitType.SHOWCASE_ARTICLE:
        return loaders.articleByDocumentId.load(localizedKey(hit.locale, hit.key));
    }
  }
}
