import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
let browser: Browser;
beforeAll(async () => {
  api = await createTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe('the GraphQL explorer', () => {
  it('should load and run its example query with no request leaving this machine', async () => {
    const page = await browser.newPage();
    const offsite: string[] = [];
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') {
        return route.continue();
      }
      offsite.push(route.request().url());
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.url}/graphql`);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"countyFiveStar": 36').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'explorer.png') });

    expect(await result.innerText()).toContain('"cityFiveStar": 20');
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
