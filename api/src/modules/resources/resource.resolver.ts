import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { AllianceUnitView } from '../alliance/alliance.view';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { IDEMPOTENCY, writeCentreRecord } from '../centre-records/record-write';
import { VolunteerTeamView } from '../volunteer/volunteer.view';
import { CreateResourceInput, ResourceFilterInput, UpdateResourceInput } from './resource.inputs';
import { type ResourceFilter, resourceList } from './resource.loaders';
import { createResource, updateResource } from './resource.service';
import { ResourceConnection, ResourceView } from './resource.view';

export const resourceListResolvers: ResolverClasses = centreRecordResolvers<ResourceView, ResourceFilter>({
  field: 'resources',
  list: resourceList,
  view: ResourceView,
  connection: ResourceConnection,
  filter: ResourceFilterInput,
  loaders: ({ loaders }) => loaders.resourceRecords,
  description: { root: 'Resources lists (资源清单) across centres, by category.', centre: 'The centre’s resources list (资源清单), by category.' },
});

@Resolver(() => ResourceView)
export class ResourceResolver {
  @FieldResolver(() => AllianceUnitView, { nullable: true, description: 'The unit offering it, when providerType is ALLIANCE_UNIT.' })
  providerUnit(@Root() resource: ResourceView, @Ctx() { loaders }: Context) {
    return resource.providerUnitId ? loaders.unitById.load(resource.providerUnitId) : null;
  }

  @FieldResolver(() => VolunteerTeamView, { nullable: true, description: 'The team offering it, when providerType is VOLUNTEER_TEAM.' })
  providerTeam(@Root() resource: ResourceView, @Ctx() { loaders }: Context) {
    return resource.providerTeamId ? loaders.teamRecords.byId.load(resource.providerTeamId) : null;
  }
}

@Resolver()
export class ResourceMutationResolver {
  @Mutation(() => ResourceView, { description: 'Adds an offer to a centre’s resources list.' })
  createResource(@Arg('input') input: CreateResourceInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, resourceList, { name: 'createResource', idempotencyKey, input, work: (em, guard) => createResource(em, input, guard) });
  }

  @Mutation(() => ResourceView, { description: 'Changes an offer’s status, capacity or schedule, and confirms it as of today.' })
  updateResource(@Arg('input') input: UpdateResourceInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, resourceList, {
      name: 'updateResource',
      idempotencyKey,
      input,
      beforeId: input.resourceId,
      work: (em, guard) => updateResource(em, input, guard),
    });
  }
}
