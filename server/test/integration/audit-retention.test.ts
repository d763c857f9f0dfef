import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, demoTenantId, describeDb, type TestApp } from '../setup/db.js';
import { appendAudit, verifyAuditChain } from '../../src/platform/audit/audit.repo.js';
import { checkRetentionDays, purgeAudit } from '../../src/platform/audit/retention.js';
import { systemActor } from '../../src/platform/context.js';

describeDb('audit retention', () => {
  let t: TestApp;
  let tenantId: string;
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-archive-'));
  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  const write = (n: number, tag: string) =>
    t.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await appendAudit(tx, systemActor(tenantId), { action: 'test_write', entity: 'test', after: { tag, i } });
    });
  const count = async () => (await t.sql<{ n: number }>('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]))[0].n;

  it('refuses a retention shorter than 180 days', () => {
    expect(checkRetentionDays(0)).toBe(0);
    expect(checkRetentionDays(180)).toBe(180);
    expect(() => checkRetentionDays(30)).toThrow(/≥ 180/);
    expect(() => checkRetentionDays(200.5)).toThrow();
  });

  it('archives and removes the old prefix; the rest of the chain still verifies, and tampering is still caught', async () => {
    await write(3, 'old');
    await new Promise((r) => setTimeout(r, 20));
    const cutoff = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await write(2, 'new');
    const before = await count();
    const oldRows = (await t.sql<{ n: number }>('select count(*)::int as n from audit_log where tenant_id = $1 and at < $2', [tenantId, cutoff]))[0].n;

    const res = await purgeAudit(t.db, tenantId, cutoff, archiveDir);
    expect(res.rows).toBe(oldRows);
    expect(await count()).toBe(before - oldRows + 1); // + the audit_purged anchor
    const archived = zlib.gunzipSync(fs.readFileSync(res.archive!)).toString('utf8').trim().split('\n');
    expect(archived).toHaveLength(oldRows);
    expect(JSON.parse(archived.at(-1)!).seq).toBe(res.throughSeq);
    expect(await verifyAuditChain(t.db, tenantId)).toMatchObject({ ok: true });

    // a second purge (everything up to now) keeps the chain verifiable
    await write(1, 'later');
    const again = await purgeAudit(t.db, tenantId, new Date(Date.now() + 1000), archiveDir);
    expect(again.rows).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.db, tenantId)).toMatchObject({ ok: true, rows: 1 });
    await write(2, 'after');
    expect(await verifyAuditChain(t.db, tenantId)).toMatchObject({ ok: true, rows: 3 });

    // editing a remaining row is detected
    await t.sql("update audit_log set action = 'edited' where tenant_id = $1 and action = 'test_write'", [tenantId]);
    expect((await verifyAuditChain(t.db, tenantId)).ok).toBe(false);
  });

  it('detects a removed prefix that no purge anchor accounts for', async () => {
    const other = await buildTestApp();
    try {
      const tid = await demoTenantId(other);
      await other.sql('delete from audit_log where tenant_id = $1 and seq <= 2', [tid]);
      expect(await verifyAuditChain(other.db, tid)).toMatchObject({ ok: false, brokenAt: 3 });
    } finally {
      await other.close();
    }
  });
});
