import { type ChildProcess, spawn } from 'node:child_process';
import type { Logger } from 'pino';
import { strapiCommand } from './cms-build';

export interface CmsProcess {
  stop(): Promise<void>;
}

/** `strapi start` as a child process, ready once its health check answers. */
export async function startCms({ cmsDir, env, url, logger }: { cmsDir: string; env: NodeJS.ProcessEnv; url: string; logger: Logger }): Promise<CmsProcess> {
  const [command, ...args] = strapiCommand(cmsDir, 'start');
  const child = spawn(command!, args, { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let recentOutput = '';
  const keep = (chunk: Buffer) => {
    recentOutput = (recentOutput + chunk.toString()).slice(-8000);
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      logger.debug({ cms: line });
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  const isReady = await Promise.race([waitForHealth(url), exited.then(() => false)]);
  if (!isReady) {
    await stopChild(child, exited);
    throw new Error(`The CMS did not start. Its last output:\n${recentOutput}`);
  }
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) logger.error({ code, output: recentOutput.slice(-2000) }, 'the CMS stopped unexpectedly');
  });
  return { stop: () => stopChild(child, exited) };
}

async function waitForHealth(url: string, timeoutMs = 180_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timeout);
}
