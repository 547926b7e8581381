import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole, requireActor } from '../../auth/authorize';
import { runStaffMutation, toAuditJson } from '../../auth/staff-mutation';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { YUXI_CITY_CODE } from '../region/region.service';
import { ApiKey } from './api-key.entity';
import { ApiKeyView, KEY_COLUMNS, keyRowToView, toApiKeyView } from './api-key.view';
import { CreateApiKeyInput } from './api-key.inputs';
import { createApiKey, revokeApiKey } from './api-key.service';

// Keys reach all of Yuxi unless limited, so only city administrators manage them.
const KEY_MANAGERS = [StaffRole.CITY_ADMIN];
const CITY_PATH = YUXI_CITY_CODE;

@Resolver(() => ApiKeyView)
export class ApiKeyResolver {
  @Query(() => [ApiKeyView], { description: 'Every portal key. City administrators only.' })
  async apiKeys(@Ctx() context: Context): Promise<ApiKeyView[]> {
    assertRole(requireActor(context), KEY_MANAGERS, 'list API keys');
    markPrivate(context);
    return (await context.read.rows<Parameters<typeof keyRowToView>[0]>(`select ${KEY_COLUMNS} from api_key k order by k.id`)).map(keyRowToView);
  }

  @Mutation(() => ApiKeyView, { description: 'Creates a portal key; its secret is in this answer only. City administrators only.' })
  async createApiKey(
    @Arg('input') input: CreateApiKeyInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<ApiKeyView> {
    return toApiKeyView(
      await runStaffMutation(context, { name: 'createApiKey', idempotencyKey, input }, async (em, actor) => {
        assertRole(actor, KEY_MANAGERS, 'create API keys');
        const { key, secret } = await createApiKey(em, { ...input, allowedOrigins: input.allowedOrigins ?? [] });
        key.secret = secret;
        return {
          result: key,
          audit: { action: 'createApiKey', targetType: 'ApiKey', targetId: String(key.id), regionPath: CITY_PATH, after: key },
          purgeTags: [],
        };
      }),
    );
  }

  @Mutation(() => ApiKeyView, { description: 'Revokes a key at once. City administrators only.' })
  async revokeApiKey(
    @Arg('id', () => Int) id: number,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<ApiKeyView> {
    return toApiKeyView(
      await runStaffMutation(context, { name: 'revokeApiKey', idempotencyKey, input: { id } }, async (em, actor) => {
        assertRole(actor, KEY_MANAGERS, 'revoke API keys');
        const before = toAuditJson(await em.findOne(ApiKey, { id }));
        const key = await revokeApiKey(em, id);
        return {
          result: key,
          audit: { action: 'revokeApiKey', targetType: 'ApiKey', targetId: String(id), regionPath: CITY_PATH, before, after: { revokedAt: key.revokedAt } },
          purgeTags: [],
        };
      }),
    );
  }
}
