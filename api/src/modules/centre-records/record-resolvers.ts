import { ValidateNested } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, type ClassType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, PageArgs, selectsTotalCount, toConnection } from '../../shared/pagination';
import { CentreView } from '../centre/centre.view';
import type { FeatureModule } from '../module';
import type { CentreRecordList, CentreRecordLoaders } from './record-list';
import { OperationalListArgs, placeOf } from './record-place';

export interface CentreRecordFields<View extends object, Filter extends object> {
  /** The field's name, at the root and on Centre: `needs`. */
  field: string;
  list: CentreRecordList<View, Filter>;
  /** The view type (GraphQL object type) and its connection (shared/pagination.ts Connection). */
  view: ClassType<View>;
  connection: ClassType;
  /** The filter argument's input type. */
  filter: ClassType<Filter>;
  /** This list's loaders in the request (the module's `loaders` put them there). */
  loaders: (context: Context) => CentreRecordLoaders<View, Filter>;
  description: { root: string; centre: string };
}

/**
 * Resolver classes for a module's `resolvers`. Give the constant holding them this type: inferred,
 * it would depend on the request's loaders, which are typed from the modules list holding it.
 */
export type ResolverClasses = FeatureModule['resolvers'];

/**
 * The GraphQL side every list of a centre's records shares: the root query (`needs(regionCode,
 * centreCode, filter, first, after)`), the `Centre.needs(filter, first, after)` connection and the
 * record's `centre`. Returns the resolver classes for the module's `resolvers`.
 */
export function centreRecordResolvers<View extends { centreCode: string }, Filter extends object>(fields: CentreRecordFields<View, Filter>): ResolverClasses {
  @ArgsType()
  class RootListArgs extends OperationalListArgs {
    @Field(() => fields.filter, { nullable: true })
    @ValidateNested()
    filter?: Filter;
  }

  @ArgsType()
  class CentreListArgs extends PageArgs {
    @Field(() => fields.filter, { nullable: true })
    @ValidateNested()
    filter?: Filter;
  }

  // type-graphql finds a field's resolver by method name: each list's methods are named after its field.
  @Resolver(() => fields.view)
  class RecordQueryResolver {
    @Query(() => fields.connection, { description: fields.description.root })
    async [fields.field](@Args(() => RootListArgs) { regionCode, centreCode, filter, first, after }: RootListArgs, @Ctx() { read }: Context, @Info() info: GraphQLResolveInfo) {
      const place = await placeOf(read, { regionCode, centreCode });
      return toConnection(await fields.list.page(read, place, filter, { first, offset: offsetAfter(after) }, selectsTotalCount(info)));
    }

    @FieldResolver(() => CentreView)
    async centre(@Root() record: View, @Ctx() { loaders }: Context): Promise<CentreView> {
      return (await loaders.centreByCode.load(record.centreCode))!;
    }
  }

  @Resolver(() => CentreView)
  class CentreRecordsResolver {
    @FieldResolver(() => fields.connection, { description: fields.description.centre })
    async [fields.field](@Root() centre: CentreView, @Args(() => CentreListArgs) { filter, first, after }: CentreListArgs, @Ctx() context: Context) {
      return toConnection(await fields.loaders(context).pagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
    }
  }

  return [RecordQueryResolver, CentreRecordsResolver];
}
