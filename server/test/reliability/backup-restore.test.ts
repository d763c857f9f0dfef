import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { pgliteChecksums, postgresChecksums, treeStats } from '../../../scripts/backup-lib.mjs';
import { hasPostgres, pgDatabase, pgliteDataDir, tmpDir } from './support/engines.js';
import { runCli } from './support/cli.js';

/**
 * `npm run backup` / `npm run restore` round trips on both engines: identical
 * row counts and per-table checksums, the file store copied byte for byte,
 * and a target that holds data refused unless --force.
 */
const BACKUP = 'scripts/backup.mjs';
const RESTORE = 'scripts/restore.mjs';

/** A small file store as the server lays it out (content-addressed blobs). */
function seedFileStore(dataDir: string) {
  for (const text of ['三同 附件一', 'second attachment', '第三个附件：会议纪要']) {
    const buf = Buffer.from(text.repeat(100));
    const sha = crypto.createHash('sha256').update(buf).digest('hex');
    const file = path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, buf);
  }
}

function sameTree(a: string, b: string) {
  const list = (d: string) => (fs.readdirSync(d, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
  expect(list(b)).toEqual(list(a));
  for (const f of list(a)) expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f)))).toBe(true);
}

const pgliteSums = async (dataDir: string) => {
  const database = await openPglite(path.join(dataDir, 'pglite'));
  try {
    return await pgliteChecksums(database.pglite!);
  } finally {
    await database.close();
  }
};

describe('backup and restore', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });
  const dir = (prefix: string) => {
    const d = tmpDir(prefix);
    cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
    return d;
  };

  it('PGlite: round trip through npm run backup / restore, lock respected, --force required', async () => {
    const src = await pgliteDataDir('demo');
    cleanup.push(() => fs.rmSync(src, { recursive: true, force: true }));
    seedFileStore(src);
    const out = path.join(dir('backup'), 'b1');

    // A running server holds the data directory: the backup waits for it to stop.
    fs.writeFileSync(path.join(src, 'santong.lock'), String(process.pid));
    const busy = await runCli([BACKUP, '--out', out], { SANTONG_DATA_DIR: src });
    expect(busy.code).not.toBe(0);
    expect(busy.out).toMatch(/in use/);
    fs.rmSync(path.join(src, 'santong.lock'));

    const b = await runCli(['npm', 'run', '--silent', 'backup', '--', '--out', out], { SANTONG_DATA_DIR: src });
    expect(b.code, b.out).toBe(0);
    const target = dir('restored');
    const r = await runCli(['npm', 'run', '--silent', 'restore', '--', '--from', out], { SANTONG_DATA_DIR: target });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/all checksums match/);

    // What the backup recorded of the source, against the restored database read here independently.
    const before = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).tables;
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(before['public.people'].rows).toBeGreaterThan(100);
    expect(await pgliteSums(target)).toEqual(before);
    sameTree(path.join(src, 'files'), path.join(target, 'files'));

    const refused = await runCli([RESTORE, '--from', out], { SANTONG_DATA_DIR: target });
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/--force/);
    // --force moves the existing database aside and restores again (the script re-checks every table).
    const forced = await runCli([RESTORE, '--from', out, '--force'], { SANTONG_DATA_DIR: target });
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toMatch(/all checksums match/);
    expect(fs.readdirSync(target).some((f) => f.startsWith('pglite.replaced-'))).toBe(true);
  });

  it.skipIf(!hasPostgres())('PostgreSQL: round trip through pg_dump / pg_restore, --force required', async () => {
    const src = await pgDatabase('demo');
    const dst = await pgDatabase(null);
    cleanup.push(() => src.drop(), () => dst.drop());
    const srcDir = dir('data');
    seedFileStore(srcDir);
    const dstDir = dir('data');
    const out = path.join(dir('backup'), 'b1');

    const b = await runCli([BACKUP, '--out', out], { DATABASE_URL: src.url, SANTONG_DATA_DIR: srcDir });
    expect(b.code, b.out).toBe(0);
    expect(fs.existsSync(path.join(out, 'db.dump'))).toBe(true);
    const r = await runCli([RESTORE, '--from', out], { DATABASE_URL: dst.url, SANTONG_DATA_DIR: dstDir });
    expect(r.code, r.out).toBe(0);

    const before = await postgresChecksums(src.url);
    expect(before['public.audit_log']).toBeTruthy();
    expect(await postgresChecksums(dst.url)).toEqual(before);
    sameTree(path.join(srcDir, 'files'), path.join(dstDir, 'files'));
    expect(treeStats(path.join(dstDir, 'files')).count).toBe(3);

    const refused = await runCli([RESTORE, '--from', out], { DATABASE_URL: dst.url, SANTONG_DATA_DIR: dstDir });
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/not empty/);
    const forced = await runCli([RESTORE, '--from', out, '--force'], { DATABASE_URL: dst.url, SANTONG_DATA_DIR: dstDir });
    expect(forced.code, forced.out).toBe(0);
    expect(await postgresChecksums(dst.url)).toEqual(before);
  });

  it.skipIf(!hasPostgres())('refuses a backup of the other engine', async () => {
    const out = dir('backup');
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ format: 1, engine: 'pglite', tables: {}, files: { count: 0, bytes: 0 } }));
    const dst = await pgDatabase(null);
    cleanup.push(() => dst.drop());
    const res = await runCli([RESTORE, '--from', out], { DATABASE_URL: dst.url, SANTONG_DATA_DIR: dir('data') });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/backup is of pglite/);
  });
});
