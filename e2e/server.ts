import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildServerIfStale, SERVER_MAIN } from '../scripts/build-server.mjs';

/**
 * The real product for the browser tests: the built server as `npm start` runs it
 * (server/dist/main.js, rebuilt first when older than its sources) in production
 * mode (it serves the built web/dist), on a free port, with a fresh PGlite data
 * directory (the demo tenant is seeded on first start).
 */
export const ROOT = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 240_000);
// the server snapshots PGlite on a clean stop; a throwaway dir does not need it to finish
const STOP_TIMEOUT_MS = 6_000;

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  throw new Error(`server not healthy after ${START_TIMEOUT_MS} ms:\n${log()}`);
}

/** Signals the whole process group so no orphan keeps the port or the data dir lock. */
function signalGroup(child: ChildProcess, sig: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    /* already gone */
  }
}

/** Every asset index.html names exists (the build is complete, not half-written). */
function completeBuild(dist: string): boolean {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return false;
  const refs = [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.length > 0 && refs.every((r) => fs.existsSync(path.join(dist, r)));
}

/**
 * A private copy of web/dist, so a `vite build` running meanwhile (it empties
 * dist/ first) cannot pull the assets out from under the browser.
 */
async function copyWebDist(into: string): Promise<string> {
  const dist = path.join(ROOT, 'web', 'dist');
  const target = path.join(into, 'web-dist');
  for (let attempt = 0; attempt < 20; attempt++) {
    if (completeBuild(dist)) {
      fs.rmSync(target, { recursive: true, force: true });
      fs.cpSync(dist, target, { recursive: true });
      if (completeBuild(target)) return target;
    }
    await sleep(1_000);
  }
  throw new Error('web/dist is missing or incomplete: run `npm run build:web` before the browser tests');
}

export async function startServer(): Promise<RunningServer> {
  await buildServerIfStale();
  const port = await freePort();
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-e2e-'));
  const dataDir = path.join(tmpRoot, 'data');
  fs.mkdirSync(dataDir);
  const webDist = await copyWebDist(tmpRoot).catch((err: unknown) => {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
    throw err;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      SANTONG_DATA_DIR: dataDir,
      SANTONG_WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      SANTONG_DEMO: '1',
      // every test signs in through the form; the per-IP limit is not under test here
      LOGIN_RATE_LIMIT: '10000',
      // all browsers come from 127.0.0.1 and tests seed through the API quickly; limits are proved in rate-limit.test.ts
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_ANON_PER_MINUTE: '100000',
      DATABASE_URL: '',
    },
  });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const stop = async () => {
    signalGroup(child, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)]);
    if (killed) {
      signalGroup(child, 'SIGKILL');
      await Promise.race([exited, sleep(5_000)]);
    }
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, dataDir, stop };
}
