import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite never fsyncs, so the embedded mode keeps point-in-time snapshots: a
 * dump of the database plus a copy of the file store, the newest `keep` kept.
 */
export async function takeSnapshot(pglite: PGlite, dataDir: string, keep: number): Promise<string> {
  const root = path.join(dataDir, 'snapshots');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(root, stamp);
  fs.mkdirSync(dir, { recursive: true });
  const dump = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(path.join(dir, 'db.tar.gz'), Buffer.from(await dump.arrayBuffer()));
  const files = path.join(dataDir, 'files');
  if (fs.existsSync(files)) fs.cpSync(files, path.join(dir, 'files'), { recursive: true });
  const all = fs.readdirSync(root).sort();
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(path.join(root, old), { recursive: true, force: true });
  return dir;
}
