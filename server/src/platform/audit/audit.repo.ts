import crypto from 'node:crypto';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import type { Actor } from '../context.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

/** Stable JSON: keys sorted, so that the hash of a row can be recomputed from what is stored. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, row: { tenantId: string; seq: number; at: string; actorId: string | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown }): string {
  return crypto.createHash('sha256').update(prevHash).update(canonical(row)).digest('hex');
}

/** JSON round trip so that what is hashed equals what jsonb gives back (dates as strings, no undefined). */
const plain = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one audit row inside the caller's transaction. A per-tenant advisory
 * lock orders the chain; it is held only until the write's transaction ends.
 */
export async function appendAudit(tx: Db, actor: Actor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'audit:' + actor.tenantId}))`);
  const last = rowsOf<{ seq: string | number; hash: string }>(
    await tx.execute(sql`select seq, hash from audit_log where tenant_id = ${actor.tenantId} order by seq desc limit 1`),
  )[0];
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date(Math.floor(Date.now()));
  const row = {
    tenantId: actor.tenantId,
    seq,
    at: at.toISOString(),
    actorId: actor.userId || null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: plain(input.before),
    after: plain(input.after),
  };
  await tx.insert(auditLog).values({
    ...row,
    at,
    actorName: actor.displayName,
    ip: actor.ip || null,
    prevHash,
    hash: auditHash(prevHash, row),
  });
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Db, tenantId: string, f: AuditFilter, page: number, pageSize: number) {
  const conds: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.actor) conds.push(sql`${auditLog.actorName} like ${'%' + f.actor.replace(/[%_\\]/g, '\\$&') + '%'}`);
  if (f.from) conds.push(gte(auditLog.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conds.push(lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86400000)));
  const where = and(...conds);
  const [items, [{ count }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: count };
}

/**
 * Walks a tenant's chain and reports the first row whose hash does not match.
 * After a retention purge the chain starts at the anchor recorded by the
 * `audit_purged` row (the seq and hash of the last removed row).
 */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<{ ok: boolean; rows: number; brokenAt?: number }> {
  const rows = await db.select().from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(auditLog.seq);
  let prev = GENESIS;
  let expectSeq = 1;
  if (rows.length && rows[0].seq !== 1) {
    const anchor = rows.find((r) => r.action === 'audit_purged' && (r.after as { throughSeq?: number } | null)?.throughSeq === rows[0].seq - 1);
    if (!anchor) return { ok: false, rows: rows.length, brokenAt: rows[0].seq };
    prev = (anchor.after as { lastHash: string }).lastHash;
    expectSeq = rows[0].seq;
  }
  for (const r of rows) {
    const h = auditHash(prev, {
      tenantId: r.tenantId,
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actorId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    });
    if (r.seq !== expectSeq || r.prevHash !== prev || r.hash !== h) return { ok: false, rows: rows.length, brokenAt: r.seq };
    prev = r.hash;
    expectSeq++;
  }
  return { ok: true, rows: rows.length };
}
