import pino from 'pino';
import { createApp, type App } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { ApiKeyKind } from '../../api/src/modules/api-key/api-key.entity';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF } from '../helpers/staff';
import type { TestApp } from '../helpers/test-app';

const lines: string[] = [];
let app: App;
let url: string;

beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', ANONYMOUS_RATE_PER_MINUTE: '1000000' }), { databaseUrl: process.env.TEST_DATABASE_URL!, logger });
  url = await app.listen();
});
afterAll(async () => {
  await app.stop();
  await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
});

describe('the request log', () => {
  it('should name every request without the keys, staff tokens, preview tokens or secrets it carried', async () => {
    const { secret: key } = await createApiKey(app.orm.em.fork(), { name: 'log portal', allowedOrigins: [], ratePerMinute: 100_000 });
    const { secret: publishable } = await createApiKey(app.orm.em.fork(), {
      name: 'log portal (web)',
      kind: ApiKeyKind.PUBLISHABLE,
      allowedOrigins: ['https://portal.example'],
      ratePerMinute: 100_000,
    });
    const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) })).json();
    const staff = await signIn({ gql } as unknown as TestApp, STAFF.city);
    const staffToken = staff.authorization.replace('Bearer ', '');
    const previewToken = 'eyJkb2N1bWVudElkIjoiYWJjIn0.c2lnbmF0dXJlLXRoYXQtaXMtc2VjcmV0';
    await gql('{ __typename }', {}, { 'x-api-key': key });
    await gql('{ __typename }', {}, staff);
    await fetch(`${url}/embed/centres/530402901000-01?key=${key}&locale=en`);
    await fetch(`${url}/oembed?url=${encodeURIComponent(`${url}/embed/centres/530402901000-01?key=${key}&locale=en`)}&format=json`);
    await fetch(`${url}/preview/articles/abc?token=${previewToken}`);
    await fetch(`${url}/embed/centres/530402901000-01?locale=en&key=${publishable}`, { headers: { referer: 'https://portal.example/' } });
    await gql('{ __typename }', {}, { 'x-api-key': publishable, origin: 'https://elsewhere.example' });
    await fetch(`${url}/badges/${staffToken}.svg`);

    const log = lines.join('');
    expect(log).toContain('/embed/centres/530402901000-01?key=[redacted]&locale=en');
    expect(log).toContain('/preview/articles/abc?token=[redacted]');
    expect(log).toContain('/embed/centres/530402901000-01?locale=en&key=[redacted]');
    for (const secret of [key, key.slice(3), publishable.slice(3), staffToken.slice(4), previewToken, 'c2lnbmF0dXJlLXRoYXQtaXMtc2VjcmV0']) {
      expect(log).not.toContain(secret);
    }
  });
});
