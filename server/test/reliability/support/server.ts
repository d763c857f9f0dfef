import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../../../scripts/pg-cluster.mjs';
import { buildServerIfStale, SERVER_MAIN } from '../../../../scripts/build-server.mjs';
import { REPO_ROOT } from '../../setup/constants.js';
import { DEMO_PASSWORD } from './http.js';

/**
 * A real server process, as an operator starts it (`npm start` runs the built
 * server/dist/main.js, rebuilt here first when older than server/src), with its
 * settings in the environment. One node process, so that a SIGKILL hits the
 * process that holds the database and nothing survives it.
 */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process is gone. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface ServerOptions {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

const live = new Set<ServerProcess>();

/** Kills every server this test file started that is still running (a timed-out test leaves no orphans). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((s) => s.kill('SIGKILL')));
}

/**
 * Ports handed out in this process are never handed out again: tests that run
 * at once (and servers restarted after a kill) must not find each other's
 * server on a recycled port.
 */
const usedPorts = new Set<number>();
async function uniquePort(): Promise<number> {
  for (;;) {
    const p = await freePort();
    if (!usedPorts.has(p)) {
      usedPorts.add(p);
      return p;
    }
  }
}

export async function spawnServer(opts: ServerOptions): Promise<ServerProcess> {
  const port = opts.port ?? (await uniquePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    SANTONG_DATA_DIR: opts.dataDir,
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000',
    // writers and fuzzers send far more than a person does
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANON_PER_MINUTE: '0',
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  await buildServerIfStale({ quiet: true });
  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const server: ServerProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  live.add(server);
  void exited.then(() => live.delete(server));
  return server;
}

/**
 * Waits until this process says it listens on its port and /healthz answers
 * 200; fails with the server's output if it exits or takes too long.
 */
export async function waitReady(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: number | string | null = null;
  void server.exited.then((c) => (gone = c));
  while (Date.now() < deadline) {
    if (gone !== null) throw new Error(`server exited (${gone}) before it was ready:\n${server.output()}`);
    try {
      // main.ts prints its URL only once it listens: the answer is from this process, not another on a reused port.
      if (server.output().includes(`localhost:${server.port}`) && (await fetch(`${server.url}/healthz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.kill('SIGKILL');
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
}

export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const server = await spawnServer(opts);
  await waitReady(server);
  return server;
}
