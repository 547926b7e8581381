import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PUBLISHED_STAFF_EMAILS } from '../../api/src/modules/staff/published-credentials';
import { DEVELOPMENT_STAFF } from '../../seeds/api/staff';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');

/**
 * Every file a fresh Node process has loaded once the built entry (dist/api/src/main.js) has
 * chosen its start-up parts under this NODE_ENV: the whole of `npm start` (stack, server, app,
 * every module) but for what it actually runs, the database and the CMS.
 */
function filesLoadedAtStart(env: 'production' | 'development'): { files: string[]; hasDevelopmentStart: boolean } {
  const script = `
    const main = require(${JSON.stringify(path.join(DIST, 'api/src/main.js'))});
    const { loadConfig } = require(${JSON.stringify(path.join(DIST, 'api/src/config.js'))});
    main.developmentStart(loadConfig()).then((start) => {
      process.stdout.write(JSON.stringify({ files: Object.keys(require.cache), hasDevelopmentStart: start !== undefined }));
    });`;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: env, SEED_ON_START: 'true' },
    encoding: 'utf8',
  });
  const { files, hasDevelopmentStart } = JSON.parse(output) as { files: string[]; hasDevelopmentStart: boolean };
  return { files: files.filter((file) => file.startsWith(DIST)).map((file) => path.relative(DIST, file)), hasDevelopmentStart };
}

describe('production start-up', () => {
  beforeAll(() => {
    if (!existsSync(path.join(DIST, 'api/src/main.js'))) {
      throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`.');
    }
  });

  it('should load no seed code and no development accounts', () => {
    const { files, hasDevelopmentStart } = filesLoadedAtStart('production');
    expect(hasDevelopmentStart).toBe(false);
    // The whole start-up graph was loaded: the stack, the server, the app and the staff module.
    expect(files).toEqual(expect.arrayContaining(['api/src/stack/start-stack.js', 'api/src/server.js', 'api/src/app.js', 'api/src/modules/staff/staff.service.js']));
    expect(files.filter((file) => file.startsWith('seeds/'))).toEqual([]);
    expect(files.filter((file) => /development|dev-?accounts|bench/i.test(file))).toEqual([]);
  });

  it('should load the development start-up (seed data, development staff) outside production', () => {
    const { files, hasDevelopmentStart } = filesLoadedAtStart('development');
    expect(hasDevelopmentStart).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['seeds/api/development-start.js', 'seeds/api/seed.js', 'seeds/api/staff.js']));
  });

  it('should refuse in production exactly the accounts development creates', () => {
    expect(DEVELOPMENT_STAFF.map((account) => account.email).sort()).toEqual([...PUBLISHED_STAFF_EMAILS].sort());
  });
});
