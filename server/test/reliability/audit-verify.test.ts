import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { appendAudit } from '../../src/platform/audit/audit.repo.js';
import { systemActor } from '../../src/platform/context.js';
import { buildTestApp } from '../setup/db.js';
import { hasPostgres, pgDatabase, pgliteDataDir, tmpDir, type Engine } from './support/engines.js';
import { runCli } from './support/cli.js';

/**
 * `npm run audit:verify` walks every tenant's hash chain and fails on any
 * changed, removed or inserted row; no API route can change audit rows.
 */
const VERIFY = 'server/src/platform/audit/verify-cli.ts';

/** A few chained rows per tenant, written the way every service writes them. */
async function writeAuditRows(database: Database) {
  const tenants = await database.query('select id from tenants');
  for (const { id } of tenants) {
    for (let i = 0; i < 5; i++) {
      await database.db.transaction((tx) => appendAudit(tx, systemActor(String(id)), { action: 'update', entity: 'unit', entityId: null, before: { n: i }, after: { n: i + 1, 名称: '党委办公室' } }));
    }
  }
}

/** A row a few places before the end of a tenant's chain. */
async function seqNearEnd(database: Database, code: string) {
  const [row] = await database.query('select id from tenants where code = $1', [code]);
  const [{ max }] = await database.query('select max(seq)::int as max from audit_log where tenant_id = $1', [row.id]);
  return { tenantId: String(row.id), code, seq: Number(max) - 2 };
}

describe('audit hash chain verification', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  async function prepare(engine: Engine): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
    if (engine === 'pglite') {
      const dataDir = await pgliteDataDir('demo');
      cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      return { env: { SANTONG_DATA_DIR: dataDir }, open: () => openPglite(path.join(dataDir, 'pglite')) };
    }
    const db = await pgDatabase('demo');
    const dataDir = tmpDir('data');
    cleanup.push(() => db.drop(), () => fs.rmSync(dataDir, { recursive: true, force: true }));
    return { env: { DATABASE_URL: db.url, SANTONG_DATA_DIR: dataDir }, open: () => openPostgres(db.url, { max: 2 }) };
  }

  const engines: Engine[] = hasPostgres() ? ['pglite', 'postgres'] : ['pglite'];
  it.each(engines)('%s: intact chains pass; an edited row and a deleted row are each found', async (engine) => {
    const { env, open } = await prepare(engine);
    let database = await open();
    await database.query("insert into tenants (code, name) values ('audit2', '第二租户')");
    await writeAuditRows(database);
    const edited = await seqNearEnd(database, 'demo');
    const removed = await seqNearEnd(database, 'audit2');
    await database.close();

    const ok = await runCli(engine === 'pglite' ? ['npm', 'run', '--silent', 'audit:verify'] : [VERIFY], env);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out.match(/chain intact/g)).toHaveLength(2);

    // Someone with database access edits one row in one tenant and deletes one in the other.
    database = await open();
    await database.query(`update audit_log set after = '{"n": 99}'::jsonb where tenant_id = $1 and seq = $2`, [edited.tenantId, edited.seq]);
    await database.query('delete from audit_log where tenant_id = $1 and seq = $2', [removed.tenantId, removed.seq]);
    await database.close();
    const broken = await runCli([VERIFY], env);
    expect(broken.code, broken.out).toBe(1);
    expect(broken.out).toContain(`✖ demo`);
    expect(broken.out).toContain(`broken at seq ${edited.seq} `);
    expect(broken.out).toContain(`✖ audit2`);
    expect(broken.out).toContain(`broken at seq ${removed.seq + 1} `); // the row after the gap
  });

  it('refuses to open an embedded database a running server holds', async () => {
    const dataDir = await pgliteDataDir('empty');
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dataDir, 'santong.lock'), String(process.pid)); // this test process: alive
    const res = await runCli([VERIFY], { SANTONG_DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.out).toMatch(/in use/);
  });

  it('no API route can change or delete audit rows', async () => {
    const t = await buildTestApp({ template: 'empty' });
    try {
      const auditRoutes = t.routes.filter((r) => r.url.startsWith('/api/v1/audit'));
      expect(auditRoutes.length).toBeGreaterThan(0);
      expect(auditRoutes.filter((r) => r.method !== 'GET')).toEqual([]);
      // Nor does any other route name the audit log as its resource.
      expect(t.routes.filter((r) => r.method !== 'GET' && /audit/i.test(r.url))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
