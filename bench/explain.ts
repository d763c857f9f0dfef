/**
 * npx tsx bench/explain.ts --db postgres --url URL [--endpoint "task list"]
 * npx tsx bench/explain.ts --dir bench/.data/S-pglite [--endpoint …]
 * Captures the statements each read endpoint issues (as the bench does) and
 * prints EXPLAIN ANALYZE of each against the given bench data: the first step
 * when a target is missed.
 */
import path from 'node:path';
import { oneOf, parseArgs } from './args.js';
import { openTarget, type Target } from './db.js';
import { captureStatements } from './capture.js';
import { endpoints } from './endpoints.js';
import { loadRefs } from './engine.js';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const engine = oneOf('db', args.get('db'), ['pglite', 'postgres'] as const, args.get('url') ? 'postgres' : 'pglite');
  const target: Target = engine === 'postgres' ? { engine, url: args.get('url') ?? process.env.BENCH_DATABASE_URL ?? '' } : { engine, dir: path.resolve(args.get('dir') ?? 'bench/.data/S-pglite') };
  const database = await openTarget(target);
  try {
    const refs = await loadRefs(database);
    const picked = endpoints.filter((e) => e.kind === 'read' && (!args.get('endpoint') || e.name === args.get('endpoint')));
    for (const [name, c] of await captureStatements(database, picked, refs)) {
      console.log(`\n=== ${name}`);
      if ('error' in c) {
        console.log(c.error);
        continue;
      }
      for (const s of c.reads) {
        console.log(`\n--- ${s.text.replace(/\s+/g, ' ').slice(0, 160)}…`);
        const plan = (await database.query(`explain (analyze, buffers) ${s.text}`, s.params)) as { 'QUERY PLAN': string }[];
        console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
