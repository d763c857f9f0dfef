import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/pg-cluster.mjs';
import { buildServerIfStale, SERVER_MAIN } from '../scripts/build-server.mjs';
import type { Target } from './db.js';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** A server the bench talks to: a child process (the real thing) or, in the smoke test, an in-process app. */
export interface LiveServer {
  baseUrl: string;
  /** the server's own process id, for RSS; null when in-process */
  pid: number | null;
  /** spawn → first 200 on /healthz, ms; null when in-process */
  coldStartMs: number | null;
  stop(): Promise<void>;
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

/**
 * Starts the real server as `npm start` does (the built server/dist/main.js, rebuilt
 * first if older than its sources; NODE_ENV=production, demo off) on a free 127.0.0.1
 * port against existing data and times spawn → first 200 on /healthz.
 */
export async function startServer(target: Target, logFile: string, extraEnv: Record<string, string> = {}): Promise<LiveServer> {
  const port = await freePort();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-bench-srv-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    SANTONG_DEMO: '0',
    LOGIN_RATE_LIMIT: '1000000',
    // 20–100 connections of one user exceed any per-user limit: the API-wide limits are lifted
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANON_PER_MINUTE: '0',
    SANTONG_DATA_DIR: target.engine === 'pglite' ? target.dir : scratch,
    DATABASE_URL: target.engine === 'postgres' ? target.url : '',
    ...extraEnv,
  };
  await buildServerIfStale();
  const out = fs.openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(out);
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitHealthy(baseUrl, child, 180_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}; see ${logFile}`);
  }
  return { baseUrl, pid: child.pid ?? null, coldStartMs: performance.now() - t0, stop };
}

/** VmRSS / VmHWM of a process in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Resets the peak-RSS mark (VmHWM) so the next peak is the export's own; false when the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
