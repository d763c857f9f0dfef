import { spawn } from 'node:child_process';
import { freePort } from '../scripts/pg-cluster.mjs';
import { ROOT, type LiveServer } from './server.js';

/** Starts the hello-world server as a child process, like the product server. */
export async function startHello(): Promise<LiveServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/hello-server.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('hello-world server exited');
    if (performance.now() - t0 > 60_000) throw new Error('hello-world server did not start');
    try {
      if ((await fetch(baseUrl)).status === 200) break;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return {
    baseUrl,
    pid: child.pid ?? null,
    coldStartMs: performance.now() - t0,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
