import fc from 'fast-check';
import { GraphQLNonNull, type GraphQLField } from 'graphql';
import { STAFF } from '../helpers/staff';
import { DEVELOPMENT_STAFF_PASSWORD } from '../../seeds/api/staff';
import { startFuzzServer, type FuzzServer } from './support/api-process';
import { changedTables, DatabaseDigest } from './support/digest';
import { type Flavour, inputArbitrary, schema } from './support/documents';
import { fuzzParameters, progress, timeoutFor } from './support/fuzz-config';
import { problemsWith, send, summarise } from './support/probe';

/**
 * A signed-in city administrator (the widest scope) sends every staff mutation with
 * generated arguments. Every answer must be safe, and a refused one (any error) must write
 * nothing: no audit entry, no idempotency record, no row anywhere.
 */
let server: FuzzServer;
let digest: DatabaseDigest;
let headers: Record<string, string>;

const MUTATIONS = Object.values(schema.getMutationType()!.getFields()).filter((field) => !['login', 'logout'].includes(field.name));

beforeAll(async () => {
  server = await startFuzzServer('fuzz_staff');
  digest = await DatabaseDigest.connect(server.databaseUrl);
  const login = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: { email: STAFF.city, password: DEVELOPMENT_STAFF_PASSWORD },
    }),
  });
  const { data } = (await login.json()) as { data: { login: { token: string } } };
  headers = { 'content-type': 'application/json', authorization: `Bearer ${data.login.token}` };
});

afterAll(async () => {
  await digest?.close();
  await server?.stop();
});

/** One mutation with every argument passed as a variable of its declared type. */
function mutationCall(field: GraphQLField<unknown, unknown>, flavour: Flavour) {
  const args = field.args.filter((arg) => arg.type instanceof GraphQLNonNull || arg.name !== 'idempotencyKey' || flavour !== 'valid');
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const query = `mutation Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : ''} { __typename } }`;
  return fc.record(Object.fromEntries(args.map((arg) => [arg.name, inputArbitrary(arg.name, arg.type, flavour)]))).map((variables) => ({ name: field.name, query, variables }));
}

for (const flavour of ['almost', 'hostile'] as Flavour[]) {
  it(
    `should refuse ${flavour} staff mutation inputs safely and write nothing when it refuses`,
    async () => {
      const tick = progress(`staff ${flavour}`);
      const calls = fc.oneof(...MUTATIONS.map((field) => mutationCall(field, flavour)));
      await fc.assert(
        fc.asyncProperty(calls, async (call) => {
          tick();
          const before = await digest.take();
          const answer = await send(server.url, { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query: call.query, variables: call.variables }) });
          const problems = problemsWith(answer);
          const refused = answer.status >= 400 || /"errors"/.test(answer.text);
          const changed = changedTables(before, await digest.take());
          if (refused && changed.length > 0) problems.push(`refused, yet wrote to ${changed.join(', ')}`);
          if (problems.length > 0) {
            throw new Error(`${problems.join('; ')}\n  ${call.name}: ${JSON.stringify(call.variables).slice(0, 600)}\n  answer: ${summarise(answer)}`);
          }
        }),
        fuzzParameters(`staff ${flavour}`, 2),
      );
    },
    timeoutFor(2),
  );
}
