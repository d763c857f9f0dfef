/**
 * A fuzzing worker (forked by fuzz.test.ts with tsx): the whole app on its own
 * in-memory PGlite loaded from the demo template, one share of the requests.
 * Receives a job on IPC, answers with the outcome.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../../../src/db/client.js';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { runFuzz, type FuzzJob } from './fuzz-run.js';

process.once('message', async (msg: { template: string; job: FuzzJob }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-fuzz-'));
  try {
    const database = await openPglite(null, { loadDataDir: new Blob([new Uint8Array(fs.readFileSync(msg.template))]) });
    const cfg = { ...loadConfig({ SANTONG_DATA_DIR: dataDir, NODE_ENV: 'test' }), logLevel: 'silent', loginRateLimit: 1_000_000, rateLimit: { perUserPerMinute: 0, perIpPerMinute: 0 }, serveWeb: false };
    const { app, routes } = await buildApp(cfg, database, { logger: false });
    await app.ready();
    const outcome = await runFuzz(app, routes, (text) => database.query(text), msg.job);
    await app.close();
    await database.close();
    process.send!({ ok: true, outcome }, () => process.exit(0));
  } catch (err) {
    process.send!({ ok: false, error: (err as Error).stack ?? String(err) }, () => process.exit(1));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
