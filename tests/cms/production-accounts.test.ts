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

async function canSignIn(account: { email: string; password: string }): Promise<boolean> {
  const response = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  return response.status === 200;
}

describe('development accounts in production', () => {
  it('should sign in with the development passwords in development', async () => {
    expect(await canSignIn(SUPER_ADMIN)).toBe(true);
    expect(await canSignIn(DEMO_EDITOR)).toBe(true);
  });

  it('should make CMS_ADMIN_EMAIL a super-admin and deactivate every account still on a development password', async () => {
    await cms.restart({ NODE_ENV: 'production', CMS_ADMIN_EMAIL: OPERATOR.email, CMS_ADMIN_PASSWORD: OPERATOR.password });
    expect(await canSignIn(OPERATOR)).toBe(true);
    expect(await canSignIn(SUPER_ADMIN)).toBe(false);
    expect(await canSignIn(DEMO_EDITOR)).toBe(false);
    const { body } = await cms.admin('GET', '/admin/users/me', await cms.login(OPERATOR));
    expect(body.data.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  }, 240_000);

  it('should rotate an existing super-admin to CMS_ADMIN_PASSWORD: the old password stops working, the new one works', async () => {
    await cms.restart({ NODE_ENV: 'production', CMS_ADMIN_EMAIL: ROTATED.email, CMS_ADMIN_PASSWORD: ROTATED.password });
    expect(await canSignIn(ROTATED)).toBe(true);
    expect(await canSignIn(SUPER_ADMIN)).toBe(false);
    // The demo editor stays inactive; production never creates or reactivates it.
    expect(await canSignIn(DEMO_EDITOR)).toBe(false);
  }, 240_000);
});
