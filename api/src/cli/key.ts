import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError, ErrorCode } from '../errors/app-error';
import { ApiKeyKind } from '../modules/api-key/api-key.entity';
import { createApiKey, listKeysWithUsage, revokeApiKey } from '../modules/api-key/api-key.service';
import { listOperations, parseManifest, registerOperations } from '../modules/api-key/persisted-operations.service';
import { createSchema } from '../schema';
import { withOrm } from './with-orm';

const USAGE = `Usage:
  npm run key:create -- --name "澄江市政府门户" [--region 530481] [--origins https://a.example,https://b.example]
                        [--rate 20000] [--expires 2027-12-31] [--safelist] [--publishable]
      --publishable: a pk_ key for web pages (iframe URLs, <centre-profile>): needs --origins,
                     works only from those origins and only for reads. Without it: a secret sc_
                     key for servers, sent as the X-Api-Key header and never put in a URL.
  npm run key:revoke -- --id 3
  npm run key:operations -- --id 3 --manifest persisted-query-manifest.json [--replace]
      registers a client's manifest (Apollo's persisted query manifest, or graphql-codegen's
      persisted-documents.json with SHA-256) for a safelist key; without --manifest, lists them
  npm run key:list   [-- --days 7]`;

/** Portal API keys from the command line: create (the secret is printed once), revoke, list with usage. */
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    name: { type: 'string' },
    region: { type: 'string' },
    origins: { type: 'string', default: '' },
    rate: { type: 'string', default: '20000' },
    expires: { type: 'string' },
    id: { type: 'string' },
    days: { type: 'string', default: '7' },
    safelist: { type: 'boolean', default: false },
    publishable: { type: 'boolean', default: false },
    manifest: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
  strict: true,
});

void withOrm(async (orm) => {
  await orm.getMigrator().up();
  const em = orm.em.fork();
  try {
    if (command === 'create') {
      const { key, secret } = await createApiKey(em, {
        name: values.name ?? '',
        regionCode: values.region,
        allowedOrigins: values.origins
          ? values.origins
              .split(',')
              .map((origin) => origin.trim())
              .filter(Boolean)
          : [],
        ratePerMinute: Number(values.rate),
        expiresAt: values.expires ? new Date(`${values.expires}T23:59:59Z`) : undefined,
        safelistOnly: values.safelist,
        kind: values.publishable ? ApiKeyKind.PUBLISHABLE : ApiKeyKind.SECRET,
      });
      console.log(`Created ${key.kind === ApiKeyKind.PUBLISHABLE ? 'publishable' : 'secret'} API key #${key.id} "${key.name}".`);
      console.log(`  region:  ${key.regionCode ?? 'all of Yuxi'}`);
      console.log(`  origins: ${key.allowedOrigins.join(', ') || 'none (server-side use only)'}`);
      console.log(`  budget:  ${key.ratePerMinute} cost points per minute`);
      console.log(`  expires: ${key.expiresAt?.toISOString() ?? 'never'}`);
      console.log(`  runs:    ${key.safelistOnly ? 'only the registered operations in schema/operations' : 'any query within the limits'}`);
      console.log('\nThe key (shown this once; only its hash is stored):\n');
      console.log(`  ${secret}\n`);
      console.log(
        key.kind === ApiKeyKind.PUBLISHABLE
          ? 'Use it in web pages of its origins: the card URL ?key=, <centre-profile api-key="…">, or the X-Api-Key header.'
          : 'Send it from servers as the X-Api-Key header; never put it in a URL or a web page.',
      );
    } else if (command === 'revoke') {
      const key = await revokeApiKey(em, Number(values.id));
      console.log(`Revoked API key #${key.id} "${key.name}" at ${key.revokedAt!.toISOString()}.`);
    } else if (command === 'operations') {
      const keyId = Number(values.id);
      if (values.manifest) {
        const text = await readFile(values.manifest, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `Cannot read ${values.manifest} (${error.code ?? error.message}).`);
        });
        const result = await registerOperations(em, keyId, parseManifest(text, await createSchema()), values.replace);
        console.log(`Key #${keyId}: ${result.registered} operations registered, ${result.alreadyRegistered} already registered, ${result.removed} removed.`);
      }
      for (const operation of await listOperations(em, keyId)) console.log(`  ${operation.hash.slice(0, 16)}… ${operation.name ?? '(unnamed)'}`);
    } else if (command === 'list') {
      for (const { key, usage } of await listKeysWithUsage(em, Number(values.days))) {
        const state = key.revokedAt ? 'revoked' : key.expiresAt && key.expiresAt < new Date() ? 'expired' : 'active';
        console.log(`#${key.id} ${key.prefix}… ${key.kind.toLowerCase()} "${key.name}" ${state}, region ${key.regionCode ?? 'all'}, ${key.ratePerMinute}/min`);
        for (const day of usage) console.log(`    ${day.day}: ${day.requests} requests, ${day.cost} cost points`);
      }
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
});
