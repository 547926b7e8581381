import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Counters } from './measure';

/** A contender's process, started with an IPC channel so it can report what it counted. */
export interface Contender {
  name: string;
  url: string;
  pid: number;
  readCounters(): Promise<Counters>;
  /** Sends a message and waits for the first reply that has `key`. */
  ask<T>(message: unknown, key: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` with stdout and stderr in a log file (not in this process, which runs
 * the load generator and must not spend CPU on other processes' output).
 */
export function spawnWithIpc(args: string[], { env, cwd, logFile }: { env: NodeJS.ProcessEnv; cwd?: string; logFile: string }): ChildProcess {
  const log = openSync(logFile, 'a');
  return spawn(process.execPath, args, { cwd, env, stdio: ['ignore', log, log, 'ipc'] });
}

export function contender(name: string, child: ChildProcess, url: string, counters: (ask: Contender['ask']) => Promise<Counters>): Contender {
  const ask = <T>(message: unknown, key: string, timeoutMs = 30_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${name} did not answer ${JSON.stringify(message)} within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (reply: Record<string, unknown>) => {
        if (key in reply) done(undefined, reply as T);
        if ('error' in reply) done(new Error(`${name}: ${String(reply.error)}`));
      };
      const done = (error?: Error, value?: T) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        if (error) reject(error);
        else resolve(value!);
      };
      child.on('message', onMessage);
      child.send(message as object);
    });
  const self: Contender = {
    name,
    url,
    pid: child.pid!,
    readCounters: () => counters(ask),
    ask,
    stop: () => stopChild(child),
  };
  return self;
}

/** Waits for the child's `{ ready: url }` message; fails with the log file named if it exits first. */
export function waitForReady(name: string, child: ChildProcess, logFile: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${timeoutMs / 1000} s; see ${logFile}`)), timeoutMs);
    child.on('message', (message: { ready?: string }) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve(message.ready);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready; see ${logFile}`));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (code ${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timeout);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
