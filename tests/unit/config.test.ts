import { ConfigError, loadConfig } from '../../api/src/config';

describe('loadConfig', () => {
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
});
