import { Arg, Ctx, Field, Info, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole, requireActor } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { YUXI_CITY_CODE } from '../region/region.service';
import { listOperations, parseManifest, registerOperations } from './persisted-operations.service';

@ObjectType({ simpleResolvers: true, description: 'An operation a safelist-mode key may run, registered from its client’s manifest.' })
export class PersistedOperation {
  @Field({ description: 'SHA-256 (hex) of the document: the id Apollo Client and graphql-codegen send.' })
  hash!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field()
  document!: string;
}

@ObjectType({ simpleResolvers: true })
export class PersistedOperationRegistration {
  @Field(() => Int, { description: 'Operations new to the key.' })
  registered!: number;

  @Field(() => Int, { description: 'Operations the key had already.' })
  alreadyRegistered!: number;

  @Field(() => Int, { description: 'Operations removed because the manifest no longer has them (replace: true).' })
  removed!: number;

  @Field(() => [PersistedOperation])
  operations!: PersistedOperation[];
}

// Keys reach all of Yuxi unless limited, so only city administrators manage what they may run.
const KEY_MANAGERS = [StaffRole.CITY_ADMIN];

@Resolver()
export class PersistedOperationResolver {
  @Query(() => [PersistedOperation], { description: 'The operations registered for a key (beside schema/operations). City administrators only.' })
  async persistedOperations(@Arg('keyId', () => Int) keyId: number, @Ctx() context: Context): Promise<PersistedOperation[]> {
    assertRole(requireActor(context), KEY_MANAGERS, 'list persisted operations');
    markPrivate(context);
    return listOperations(context.em, keyId);
  }

  @Mutation(() => PersistedOperationRegistration, {
    description:
      'Registers a client’s manifest for a key: Apollo’s persisted query manifest or graphql-codegen’s persisted documents (SHA-256), as JSON text in a variable (requests are at most 100 KB; `npm run key:operations` takes up to 1 MB). A safelist-mode key then runs those operations as the client sends them, by text or by hash alone. Registering the same manifest again changes nothing, so it takes no idempotencyKey. City administrators only.',
  })
  async registerPersistedOperations(
    @Arg('keyId', () => Int) keyId: number,
    @Arg('manifest', { description: 'The manifest file’s text.' }) manifest: string,
    @Arg('replace', { defaultValue: false, description: 'Also remove the key’s operations that the manifest no longer has.' }) replace: boolean,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PersistedOperationRegistration> {
    // No idempotencyKey: registering a manifest again changes nothing, so a retry is safe as it is.
    return runStaffMutation(context, { name: 'registerPersistedOperations', input: { keyId, manifest, replace } }, async (em, actor) => {
      assertRole(actor, KEY_MANAGERS, 'register persisted operations');
      const result = await registerOperations(em, keyId, parseManifest(manifest, info.schema), replace);
      return {
        result,
        audit: {
          action: 'registerPersistedOperations',
          targetType: 'ApiKey',
          targetId: String(keyId),
          regionPath: YUXI_CITY_CODE,
          after: {
            registered: result.registered,
            alreadyRegistered: result.alreadyRegistered,
            removed: result.removed,
            hashes: result.operations.map((operation) => operation.hash),
          },
        },
        purgeTags: [],
      };
    });
  }
}
