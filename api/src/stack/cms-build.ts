import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

// What the built admin and compiled server depend on.
const INPUTS = ['src', 'config', 'package.json', 'tsconfig.json'];

/**
 * `strapi build` takes over a minute, so it runs only when cms/ changed since the last
 * build (a hash of its sources is kept next to the build) or the build is missing.
 */
export async function buildCmsIfChanged({ cmsDir, env, logger }: { cmsDir: string; env: NodeJS.ProcessEnv; logger: Logger }): Promise<'built' | 'up to date'> {
  const stampFile = path.join(cmsDir, 'dist', '.source-hash');
  const hash = await hashSources(cmsDir);
  const isBuilt = existsSync(path.join(cmsDir, 'dist', 'build', 'index.html')) && existsSync(stampFile);
  if (isBuilt && (await readFile(stampFile, 'utf8')) === hash) {
    return 'up to date';
  }
  // strapi build compiles into dist/ without emptying it: a file deleted from src/ would keep running.
  await rm(path.join(cmsDir, 'dist'), { recursive: true, force: true });
  await runWithProgress(strapiCommand(cmsDir, 'build'), { cwd: cmsDir, env }, logger);
  await writeFile(stampFile, hash);
  return 'built';
}

export function strapiCommand(cmsDir: string, command: string): string[] {
  const packageJson = require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] });
  return [process.execPath, path.join(path.dirname(packageJson), 'bin', 'strapi.js'), command];
}

async function hashSources(cmsDir: string): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const input of INPUTS) {
    files.push(...(await listFiles(path.join(cmsDir, input))));
  }
  for (const file of files.sort()) {
    hash
      .update(path.relative(cmsDir, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

async function listFiles(target: string): Promise<string[]> {
  if (!existsSync(target)) return [];
  if (!(await stat(target)).isDirectory()) return [target];
  const entries = await readdir(target, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => listFiles(path.join(target, entry.name))));
  return nested.flat();
}

/** Runs the build, printing one progress line every 10 s, and its output only if it fails. */
function runWithProgress([command, ...args]: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, logger: Logger): Promise<void> {
  logger.info('building the CMS admin panel (the first build takes a minute or two; later starts skip it)');
  const startedAt = Date.now();
  const progress = setInterval(() => {
    process.stdout.write(`  … building the CMS admin panel: ${Math.round((Date.now() - startedAt) / 1000)} s\n`);
  }, 10_000);
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearInterval(progress);
      if (code === 0) {
        logger.info({ seconds: Math.round((Date.now() - startedAt) / 1000) }, 'CMS admin panel built');
        resolve();
      } else {
        reject(new Error(`strapi build failed (exit ${code}):\n${output.slice(-4000)}`));
      }
    });
  });
}
