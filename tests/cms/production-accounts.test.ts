import { DEMO_EDITOR, startTestCms, SUPER_ADMIN, type TestCms } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

// A data folder first used in development (super-admin and demo editor with the printed
// passwords), then started with NODE_ENV=production and production settings.
const OPERATOR = { email: 'ops@example.com', password: 'Ops-Star-Prod-4Qz' };
const ROTATED = { email: SUPER_ADMIN.email, password: 'Admin-Star-Prod-9Kd' };

let api: TestApp;
let cms: TestCms;
beforeAll(async () => {
  api = await createTestApp();
  cms = await startTestCms('accounts', api.url);
}, 240_000);
afterAll(async () => {
  await cms?.stop();
  await api?.stop();
});

async function signInStatus(account: { email: string; password: string }): Promise<number> {
  const response = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  return response.status;
}

describe('development accounts in production', () => {
  it('should sign in with the development passwords in development', async () => {
    expect(await signInStatus(SUPER_ADMIN)).toBe(200);
    expect(await signInStatus(DEMO_EDITOR)).toBe(200);
  });

  it('should make CMS_ADMIN_EMAIL a super-admin and block every account still on a development password', async () => {
    await cms.restart({ NODE_ENV: 'production', CMS_ADMIN_EMAIL: OPERATOR.email, CMS_ADMIN_PASSWORD: OPERATOR.password });
    expect(await signInStatus(OPERATOR)).toBe(200);
    expect(await signInStatus(SUPER_ADMIN)).toBe(401);
    expect(await signInStatus(DEMO_EDITOR)).toBe(401);
    const { body } = await cms.admin('GET', '/admin/users/me', await cms.login(OPERATOR));
    expect(body.data.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  }, 240_000);

  it('should rotate an existing super-admin to CMS_ADMIN_PASSWORD: the old password stops working, the new one works', async () => {
    await cms.restart({ NODE_ENV: 'production', CMS_ADMIN_EMAIL: ROTATED.email, CMS_ADMIN_PASSWORD: ROTATED.password });
    expect(await signInStatus(ROTATED)).toBe(200);
    expect(await signInStatus(SUPER_ADMIN)).toBe(401);
    // The demo editor stays blocked; production never creates or unblocks it.
    expect(await signInStatus(DEMO_EDITOR)).toBe(401);
  }, 240_000);
});
