import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../api/src/config';

describe('loadConfig', () => {
  it('should take TRUST_PROXY as Express does, but refuse true and anything that is not a proxy', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32' }).trustProxy).toBe('loopback, 10.0.0.0/8, 2001:db8::/32');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: .*any client could then choose its address/);
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, proxy.example' })).toThrow(/TRUST_PROXY: .*not proxy\.example/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('should need nothing: no DATABASE_URL means the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 4000, database: undefined, dataDir: '.data' });
    expect(config.publicUrl).toBe('http://localhost:4000');
  });

  it('should take the API database from the path of DATABASE_URL, star_centres by default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/yuxi' }).database).toMatchObject({
      name: 'yuxi',
      url: 'postgres://u:p@db:5432/yuxi',
      maintenanceUrl: 'postgres://u:p@db:5432/postgres',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432' }).database?.name).toBe('star_centres');
  });

  it('should refuse bad values at boot, naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect(String(error)).toContain('PORT');
      expect(String(error)).toContain('DATABASE_URL');
    }
  });

  describe('secrets in production', () => {
    // What `openssl rand -base64 32` prints: 44 characters of 64 kinds.
    const strong = () => randomBytes(32).toString('base64');
    const production = (overrides: Record<string, string>): Record<string, string> => ({ NODE_ENV: 'production', ...overrides });

    it('should refuse low-entropy secrets, naming each variable and how to make a good one', () => {
      const weak = {
        ADMIN_JWT_SECRET: 'a'.repeat(32),
        CMS_WEBHOOK_SECRET: 'changeme-changeme-changeme-changeme',
        PREVIEW_SECRET: '0123456789'.repeat(4),
        APP_KEYS: `${strong()},${'b'.repeat(40)}`,
        API_TOKEN_SALT: 'short-but-mixed-Q7x',
      };
      const error = (() => {
        try {
          loadConfig(production(weak));
        } catch (thrown) {
          return String(thrown);
        }
        return 'accepted';
      })();
      for (const name of Object.keys(weak)) expect(error).toContain(`${name}: `);
      expect(error).toContain('APP_KEYS: key 2 is too weak');
      expect(error).toContain('openssl rand -base64 32');
      expect(error).not.toContain('a'.repeat(32));
    });

    it('should accept random secrets, in base64 or hex', () => {
      const env = production({
        APP_KEYS: [strong(), strong(), strong(), strong()].join(','),
        ADMIN_JWT_SECRET: strong(),
        API_TOKEN_SALT: randomBytes(32).toString('hex'),
        TRANSFER_TOKEN_SALT: randomBytes(32).toString('base64url'),
        ENCRYPTION_KEY: strong(),
        CMS_API_TOKEN: randomBytes(48).toString('hex'),
        CMS_WEBHOOK_SECRET: strong(),
        PREVIEW_SECRET: strong(),
      });
      expect(loadConfig(env).cms.secrets.ADMIN_JWT_SECRET).toBe(env.ADMIN_JWT_SECRET);
    });

    it('should leave development alone: its secrets are generated, or chosen by the developer', () => {
      expect(() => loadConfig({ ADMIN_JWT_SECRET: 'a'.repeat(32) })).not.toThrow();
    });
  });
});
