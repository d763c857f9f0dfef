import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { takeSnapshot } from './snapshots.js';

describe('embedded-mode snapshots', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-snap-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('dumps the database and the file store, keeps the newest N, and restores to the same rows', async () => {
    const db = await PGlite.create();
    await db.exec("create table t (id int primary key, name text); insert into t select g, '行' || g from generate_series(1, 500) g;");
    fs.mkdirSync(path.join(dir, 'files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'files', 'ab', 'blob'), 'evidence');

    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      made.push(await takeSnapshot(db, dir, 2));
      await new Promise((r) => setTimeout(r, 5)); // distinct timestamps
    }
    const kept = fs.readdirSync(path.join(dir, 'snapshots')).sort();
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(made.slice(-2).map((m) => path.basename(m)));
    const last = made[made.length - 1];
    expect(fs.readFileSync(path.join(last, 'files', 'ab', 'blob'), 'utf8')).toBe('evidence');
    await db.close();

    const restored = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(path.join(last, 'db.tar.gz'))]) });
    const { rows } = await restored.query<{ n: number; s: string }>("select count(*)::int as n, max(name) as s from t");
    expect(rows[0]).toEqual({ n: 500, s: '行99' });
    await restored.close();
  }, 60_000);
});
