import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CMS_SECRET_NAMES, type CmsSecretName, type Config } from '../config';

export type CmsSecrets = Record<CmsSecretName, string>;

/**
 * Production takes every secret from the environment. Elsewhere, missing ones are
 * generated once into DATA_DIR/secrets.json (never committed) and reused after that.
 */
export async function resolveCmsSecrets(config: Config): Promise<CmsSecrets> {
  const fromEnv = config.cms.secrets;
  if (config.env === 'production') {
    const missing = CMS_SECRET_NAMES.filter((name) => !fromEnv[name]);
    if (missing.length > 0) {
      throw new Error(`Production needs these secrets in the environment: ${missing.join(', ')}.`);
    }
    return fromEnv as CmsSecrets;
  }
  const file = path.resolve(config.dataDir, 'secrets.json');
  const stored: Partial<CmsSecrets> = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
  const generated = Object.fromEntries(CMS_SECRET_NAMES.filter((name) => !stored[name]).map((name) => [name, generate(name)]));
  if (Object.keys(generated).length > 0) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ ...stored, ...generated }, null, 2)}\n`, { mode: 0o600 });
  }
  return { ...stored, ...generated, ...fromEnv } as CmsSecrets;
}

function generate(name: CmsSecretName): string {
  const secret = () => randomBytes(32).toString('base64url');
  return name === 'APP_KEYS' ? [secret(), secret(), secret(), secret()].join(',') : secret();
}
