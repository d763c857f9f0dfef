import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { and, asc, eq, lt, lte } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { systemActor } from '../context.js';
import type { JobDef } from '../jobs/runner.js';
import { daily } from '../jobs/periods.js';
import { appendAudit } from './audit.repo.js';

/** 等保 level 3 asks for at least 180 days of audit records. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/** 0 keeps audit rows forever; otherwise at least the legal minimum. */
export function checkRetentionDays(days: number): number {
  if (days !== 0 && (days < MIN_AUDIT_RETENTION_DAYS || !Number.isInteger(days)))
    throw new Error(`AUDIT_RETENTION_DAYS must be 0 (keep forever) or a whole number ≥ ${MIN_AUDIT_RETENTION_DAYS}, got ${days}`);
  return days;
}

export interface PurgeResult {
  rows: number;
  throughSeq?: number;
  archive?: string;
}

/**
 * Moves a tenant's audit rows older than `before` to a gzip JSON-lines
 * archive file, deletes them, and appends an `audit_purged` row naming the
 * last removed seq and hash: the verifier starts the chain from that anchor,
 * so the remaining rows stay tamper-evident. One transaction under the
 * chain's lock; the archive is written before the delete commits.
 */
export async function purgeAudit(db: Db, tenantId: string, before: Date, archiveDir: string): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const old = await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), lt(auditLog.at, before)))
      .orderBy(asc(auditLog.seq));
    if (old.length === 0) return { rows: 0 };
    // only a prefix of the chain may go: stop at the first gap in seq (there is none in a sound chain)
    const last = old[old.length - 1];
    fs.mkdirSync(archiveDir, { recursive: true });
    const archive = path.join(archiveDir, `audit-${tenantId}-${old[0].seq}-${last.seq}.jsonl.gz`);
    fs.writeFileSync(archive, zlib.gzipSync(old.map((r) => JSON.stringify(r)).join('\n') + '\n'));
    await tx.delete(auditLog).where(and(eq(auditLog.tenantId, tenantId), lte(auditLog.seq, last.seq)));
    await appendAudit(tx, systemActor(tenantId), {
      action: 'audit_purged',
      entity: 'audit',
      after: { throughSeq: last.seq, lastHash: last.hash, rows: old.length, before: before.toISOString(), archive: path.basename(archive) },
    });
    return { rows: old.length, throughSeq: last.seq, archive };
  });
}

/** The daily job (03:00 tenant time) that applies the retention; none when rows are kept forever. */
export function auditRetentionJob(retentionDays: number, archiveDir: string): JobDef[] {
  if (retentionDays === 0) return [];
  return [
    {
      name: 'audit.retention',
      schedule: daily(3),
      run: (db, tenant) => purgeAudit(db, tenant.id, new Date(Date.now() - retentionDays * 86400000), archiveDir),
    },
  ];
}
