import { Args, ArgsType, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole, requireActor } from '../../auth/authorize';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { Connection, type ConnectionShape, offsetAfter, PageArgs, toConnection } from '../../shared/pagination';
import { AuditEntryView } from './audit.view';
import { listAuditEntries } from './audit.service';

@ObjectType({ simpleResolvers: true, description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection extends Connection(AuditEntryView, 'AuditEntry') {}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field({ nullable: true, description: 'e.g. RatingAssessment, ApiKey.' })
  targetType?: string;

  @Field({ nullable: true })
  targetId?: string;

  @Field({ nullable: true, description: 'The mutation, e.g. submitAssessment.' })
  action?: string;

  @Field(() => ID, { nullable: true })
  actorId?: string;
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "Every write about the administrator's region subtree. Administrators only." })
  async auditLog(@Args() { first, after, ...filters }: AuditLogArgs, @Ctx() context: Context): Promise<ConnectionShape<AuditEntryView>> {
    const actor = requireActor(context);
    assertRole(actor, [StaffRole.CITY_ADMIN, StaffRole.COUNTY_ADMIN, StaffRole.STREET_ADMIN], 'read the audit log');
    markPrivate(context);
    return toConnection(await listAuditEntries(context.read, actor, { ...filters, first, offset: offsetAfter(after) }));
  }
}
