/**
 * npx tsx bench/search-explain.ts [--rows 100000]
 * Fills a tasks table with generated Chinese titles (grams as the app writes
 * them) on PGlite (in memory) and PostgreSQL (BENCH_DATABASE_URL or a
 * throwaway cluster), then prints EXPLAIN (ANALYZE, BUFFERS) of the header
 * search's tasks query for 1-, 2- and 4-character queries, office and unit
 * scope. The output goes into docs/performance.md ("Search").
 */
import crypto from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import { num, parseArgs } from './args.js';
import { openPglite, openPostgres, runMigrations, type Database } from '../server/src/db/client.js';
import { provisionPostgres } from './db.js';
import { tasks, tenants, units } from '../server/src/db/schema/index.js';
import { grams } from '../server/src/platform/search/grams.js';
import { searchSources } from '../server/src/modules/search/search.sources.js';
import { searchSql } from '../server/src/modules/search/search.repo.js';
import { searchTerms } from '../server/src/modules/search/search.service.js';
import type { Scope } from '../server/src/access/scope.js';

const heads = ['推进', '深化', '落实', '开展', '完善', '加强', '组织', '建设', '实施', '打造'];
const topics = ['课程思政', '产教融合', '专题党课', '师德师风', '实训基地', '双高计划', '基层党建', '数字校园', '职业技能', '校企合作', '思政课堂', '创新创业', '教材建设', '安全生产', '志愿服务', '社会实践'];
const tails = ['示范项目', '专项行动', '工作方案', '质量提升', '试点工作', '成果总结', '调研报告', '制度修订'];

async function fill(database: Database, rows: number) {
  const [tenant] = await database.db.insert(tenants).values({ code: `search-${crypto.randomBytes(3).toString('hex')}`, name: '检索压测' }).returning();
  const unitRows = await database.db
    .insert(units)
    .values(Array.from({ length: 20 }, (_, i) => ({ tenantId: tenant.id, code: `U${i}`, name: `单位${i}`, kind: 'college', track: 'admin' })))
    .returning({ id: units.id });
  const campaignId = crypto.randomUUID();
  let seed = 7;
  // mulberry32: the low bits of a plain LCG cycle too fast to spread the topics
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
  for (let done = 0; done < rows; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, rows - done) }, (_, i) => {
      const title = `${heads[rnd(heads.length)]}${topics[rnd(topics.length)]}${tails[rnd(tails.length)]}（${done + i}）`;
      const description = `围绕${topics[rnd(topics.length)]}，${heads[rnd(heads.length)]}${tails[rnd(tails.length)]}。`;
      return { tenantId: tenant.id, campaignId, title, description, category: 'project', ownerUnitId: unitRows[rnd(unitRows.length)].id, startDate: '2026-01-01', dueDate: '2026-12-31', searchGrams: grams(title, description) };
    });
    await database.db.insert(tasks).values(batch);
  }
  await database.query('analyze tasks');
  return { tenantId: tenant.id, unitIds: unitRows.slice(0, 2).map((u) => u.id) };
}

async function explain(database: Database, label: string, rows: number) {
  const t0 = Date.now();
  const { tenantId, unitIds } = await fill(database, rows);
  console.log(`\n## ${label}: ${rows} tasks loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const src = searchSources.find((s) => s.kind === 'task')!;
  const dialect = new PgDialect();
  const scopes: [string, Scope][] = [['office (all)', { kind: 'all' }], ['unit head (2 units)', { kind: 'unit', unitIds, personId: null }]];
  for (const q of ['课', '党课', '专题党课', '产教 基地']) {
    for (const [name, scope] of scopes) {
      for (const [what, stmt] of [['hits and count', searchSql([src], tenantId, scope, q, searchTerms(q), 5)]] as const) {
        const query = dialect.sqlToQuery(stmt);
        await database.query(query.sql, query.params); // warm
        const plan = (await database.query(`explain (analyze, buffers) ${query.sql}`, query.params)) as { 'QUERY PLAN': string }[];
        console.log(`\n### "${q}", ${name}, ${what}\n\`\`\`\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n\`\`\``);
      }
    }
  }
}

async function main() {
  const rows = num('rows', parseArgs(process.argv.slice(2)).get('rows'), 100_000);
  const pg = await provisionPostgres();
  const database = await openPostgres(pg.url, { max: 2 });
  try {
    await runMigrations(database);
    await explain(database, 'PostgreSQL', rows);
  } finally {
    await database.close();
    pg.stop();
  }
  const lite = await openPglite(null);
  await runMigrations(lite);
  try {
    await explain(lite, 'PGlite', rows);
  } finally {
    await lite.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
