import fc from 'fast-check';
import { WEBHOOK_SECRET_HEADER } from '../../api/src/http/cms-webhook';
import { startFuzzServer, type FuzzServer } from './support/api-process';
import { changedTables, DatabaseDigest } from './support/digest';
import { HOSTILE_STRINGS } from './support/documents';
import { fuzzParameters, progress, timeoutFor } from './support/fuzz-config';
import { type Probe, problemsWith, send, summarise } from './support/probe';

/**
 * POST /webhooks/cms with bodies of any shape, with and without the secret. The CMS is down
 * (nothing listens at its address), so an event that passes the secret cannot be applied: the
 * documented answer is then 502 with a code. Nothing may ever be written.
 */
const SECRET = 'fuzz-webhook-secret-0123456789abcdef';
let server: FuzzServer;
let digest: DatabaseDigest;

beforeAll(async () => {
  server = await startFuzzServer('fuzz_webhook', {
    editorial: {
      cmsUrl: 'http://127.0.0.1:9',
      mediaBaseUrl: 'http://127.0.0.1:9',
      apiToken: 'x'.repeat(40),
      webhookSecret: SECRET,
      previewSecret: 'y'.repeat(40),
      reconcileSeconds: 0,
    },
  });
  digest = await DatabaseDigest.connect(server.databaseUrl);
});

afterAll(async () => {
  await digest?.close();
  await server?.stop();
});

const UIDS = ['api::centre-profile.centre-profile', 'api::brand-programme.brand-programme', 'api::showcase-article.showcase-article'];
const anything = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.jsonValue({ maxDepth: 2 }));
const event = fc.record(
  {
    event: fc.oneof(fc.constantFrom('entry.publish', 'entry.unpublish', 'entry.delete', 'entry.update', 'media.create'), anything),
    uid: fc.oneof(fc.constantFrom(...UIDS), anything),
    entry: fc.oneof(
      fc.record({ documentId: fc.oneof(fc.string({ maxLength: 24 }), anything), locale: fc.oneof(fc.constantFrom('zh-Hans', 'en'), anything) }, { requiredKeys: [] }),
      anything,
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  event.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{', '', 'null', '[]', '"x"'),
);
const secret = fc.constantFrom<string | undefined>(SECRET, undefined, '', 'guess', SECRET.slice(0, -1), `${SECRET} `, '\u0000');
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', '');

const probes = fc.tuple(body, secret, contentType).map(([text, given, type]): Probe => {
  const headers: Record<string, string> = {};
  if (type) headers['content-type'] = type;
  // fetch refuses header values with NUL or edge spaces; those go as they would be trimmed.
  if (given !== undefined) headers[WEBHOOK_SECRET_HEADER] = given.replace(/\u0000/g, '').trim();
  return { method: 'POST', path: '/webhooks/cms', headers, body: text };
});

it(
  'should answer any webhook body safely, with or without the secret, and write nothing',
  async () => {
    const tick = progress('webhook');
    const before = await digest.take();
    await fc.assert(
      fc.asyncProperty(probes, async (probe) => {
        tick();
        const answer = await send(server.url, probe);
        // 502 is the documented answer when the CMS cannot be read (the reconcile pass retries).
        const problems = problemsWith(answer, { allowedStatuses: [502] });
        if (problems.length > 0) {
          throw new Error(`${problems.join('; ')}\n  request: ${JSON.stringify(probe.headers)} ${(probe.body ?? '').slice(0, 400)}\n  answer: ${summarise(answer)}`);
        }
      }),
      fuzzParameters('webhook', 2),
    );
    expect(changedTables(before, await digest.take())).toEqual([]);
  },
  timeoutFor(2),
);
