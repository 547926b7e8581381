import { toInstant } from '../../db/sql';
import { Field, Int, ObjectType } from 'type-graphql';
import { type ApiKey, ApiKeyKind } from './api-key.entity';

@ObjectType('ApiKey', { simpleResolvers: true, description: "A portal's API key. Its secret is shown once, in the answer that creates it." })
export class ApiKeyView {
  @Field(() => Int)
  id!: number;

  @Field()
  name!: string;

  @Field(() => ApiKeyKind)
  kind!: ApiKeyKind;

  @Field({ description: 'The first characters of the key, so people can tell keys apart.' })
  prefix!: string;

  @Field(() => String, { nullable: true, description: 'The key itself: only in the first answer of createApiKey, never again (a retry answers null).' })
  secret!: string | null;

  @Field(() => [String], { description: 'Browser origins allowed to call with this key (CORS).' })
  allowedOrigins!: string[];

  @Field(() => String, { nullable: true, description: 'Region subtree the key may read; null: all of Yuxi.' })
  regionCode!: string | null;

  @Field(() => Int, { description: 'Cost points per minute.' })
  ratePerMinute!: number;

  @Field({ description: 'True: only the registered operations (schema/operations) may run.' })
  safelistOnly!: boolean;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

/** A key as a mutation answers it: the secret only when the write just made it. */
export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    kind: key.kind,
    prefix: key.prefix,
    secret: key.secret ?? null,
    allowedOrigins: key.allowedOrigins,
    regionCode: key.regionCode ?? null,
    ratePerMinute: key.ratePerMinute,
    safelistOnly: key.safelistOnly,
    expiresAt: key.expiresAt ?? null,
    revokedAt: key.revokedAt ?? null,
    createdAt: key.createdAt,
  };
}

type KeyRow = Omit<ApiKeyView, 'expiresAt' | 'revokedAt' | 'createdAt'> & { expiresAt: string | null; revokedAt: string | null; createdAt: string };

/** The driver hands timestamps over as text (MikroORM's setting); the Date scalar wants Dates. */
export function keyRowToView(row: KeyRow): ApiKeyView {
  return { ...row, expiresAt: toInstant(row.expiresAt), revokedAt: toInstant(row.revokedAt), createdAt: new Date(row.createdAt) };
}

export const KEY_COLUMNS = `k.id, k.name, k.kind, k.prefix, null as secret, k.allowed_origins as "allowedOrigins", k.region_code as "regionCode",
  k.rate_per_minute as "ratePerMinute", k.safelist_only as "safelistOnly", k.expires_at as "expiresAt", k.revoked_at as "revokedAt", k.created_at as "createdAt"`;
