import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
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
  const stored = await storedSecrets(config.dataDir, CMS_SECRET_NAMES, (name) => (name === 'APP_KEYS' ? [secret(), secret(), secret(), secret()].join(',') : secret()));
  return { ...stored, ...fromEnv };
}

/**
 * The named secrets from `<dataDir>/secrets.json`, generating the missing ones into it. Only
 * the owner may read the file (0600), also when an older start left it readable by others.
 */
export async function storedSecrets<Name extends string>(dataDir: string, names: readonly Name[], generate: (name: Name) => string): Promise<Record<Name, string>> {
  const file = path.resolve(dataDir, 'secrets.json');
  const stored: Partial<Record<Name, string>> = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
  const generated = Object.fromEntries(names.filter((name) => !stored[name]).map((name) => [name, generate(name)]));
  if (Object.keys(generated).length > 0) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ ...stored, ...generated }, null, 2)}\n`, { mode: 0o600 });
  }
  await chmod(file, 0o600);
  const all = { ...stored, ...generated } as Record<Name, string>;
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Record<Name, string>;
}

export function secret(): string {
  return randomBytes(32).toString('base64url');
}
