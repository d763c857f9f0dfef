/**
 * npm run bench:data -- --scale S|M|L [--db pglite|postgres] [--url URL] [--dir DIR] [--reset] [--fraction 0.1]
 * Writes the deterministic bench data set; PGlite goes to DIR/pglite (a SANTONG_DATA_DIR), PostgreSQL to URL.
 */
import path from 'node:path';
import { num, oneOf, parseArgs } from '../args.js';
import { openTarget, resetTarget, type Target } from '../db.js';
import { generate } from './generate.js';
import { scales, shrink, type ScaleName } from './scale.js';

export const defaultDataDir = (scale: string) => path.resolve(import.meta.dirname, '..', '.data', `${scale}-pglite`);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = oneOf<ScaleName>('scale', args.get('scale'), ['S', 'M', 'L'], 'S');
  const engine = oneOf('db', args.get('db'), ['pglite', 'postgres'] as const, 'pglite');
  const spec = shrink(scales[scale], num('fraction', args.get('fraction'), 1));
  let target: Target;
  if (engine === 'postgres') {
    const url = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('PostgreSQL needs --url (or BENCH_DATABASE_URL / DATABASE_URL)');
    target = { engine, url };
  } else {
    target = { engine, dir: path.resolve(args.get('dir') ?? defaultDataDir(scale)) };
  }
  if (args.get('reset') === 'true') await resetTarget(target);
  console.log(`bench:data scale ${spec.name} → ${target.engine === 'pglite' ? `PGlite in ${target.dir}` : 'PostgreSQL'}`);
  const database = await openTarget(target);
  try {
    const res = await generate(database, spec, console.log);
    console.log(`done: ${Object.values(res.rows).reduce((a, b) => a + b, 0)} rows in ${res.seconds.toFixed(1)} s; tenants ${res.tenants.join(', ')}`);
    if (target.engine === 'pglite') console.log(`serve it: SANTONG_DATA_DIR=${target.dir} SANTONG_DEMO=0 npm run serve`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
