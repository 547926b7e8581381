import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CentreView } from '../centre/centre.view';
import { BrandProgrammeView } from '../editorial/brand-programme.view';
import { CentreProfileView } from '../editorial/centre-profile.view';
import { ShowcaseArticleView } from '../editorial/showcase-article.view';
import { SearchHitType } from './search.service';

registerEnumType(SearchHitType, { name: 'SearchHitType' });

export const SearchHitNode = createUnionType({
  name: 'SearchHitNode',
  description: 'The object a search hit found.',
  types: () => [CentreView, CentreProfileView, BrandProgrammeView, ShowcaseArticleView] as const,
  // Views are plain objects, so the resolver names each node's type (the hit knows it).
  resolveType: (value) => (value as { [NODE_TYPE]?: string })[NODE_TYPE],
});

/** Where SearchResolver.node records the GraphQL type of the object it found. */
export const NODE_TYPE = Symbol('search node type');

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => SearchHitType)
  type!: SearchHitType;

  @Field()
  title!: string;

  @Field({ description: 'HTML: a few escaped words around the match, each match in <mark>.' })
  snippet!: string;

  @Field(() => Float, { description: 'Higher is better; a title match outweighs any number of body matches.' })
  score!: number;

  /** Centre code or document id, resolved to `node`. */
  key!: string;
  locale!: string;

  @Field(() => SearchHitNode, { nullable: true })
  node?: typeof SearchHitNode;
}

@ObjectType({ simpleResolvers: true })
export class SearchResults {
  @Field(() => Int, { description: 'All matches, beyond the first ones returned.' })
  totalCount!: number;

  @Field(() => [SearchHit])
  hits!: SearchHit[];
}
