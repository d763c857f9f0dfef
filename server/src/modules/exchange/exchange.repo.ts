import { and, eq, sql, type SQL } from 'drizzle-orm';
import { exchangeMeetings } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { like } from '../study/refs.repo.js';

export interface ExchangeFilter {
  year?: number;
  month?: string;
  q?: string;
}

export type ExchangeRow = typeof exchangeMeetings.$inferSelect;

/** Exchange meetings are tenant-wide records (no unit scope): every reader sees them all. */
function where(tenantId: string, f: ExchangeFilter): SQL {
  const conds: SQL[] = [sql`m.tenant_id = ${tenantId}`];
  if (f.year) conds.push(sql`m.month like ${`${f.year}-%`}`);
  if (f.month) conds.push(sql`m.month = ${f.month}`);
  if (f.q) conds.push(sql`(m.topics ilike ${like(f.q)} or m.presenters ilike ${like(f.q)} or m.summary ilike ${like(f.q)})`);
  return and(...conds)!;
}

const select = sql`select m.id, m.tenant_id as "tenantId", m.month, m.held_on::text as "heldOn", m.presenters, m.topics, m.summary,
  m.version, m.created_at as "createdAt" from exchange_meetings m`;

const sortable: Record<string, SQL> = { month: sql.raw('m.month'), heldOn: sql.raw('m.held_on'), createdAt: sql.raw('m.created_at') };

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('m.held_on desc, m.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, m.id`;
}

export async function listMeetings(db: Db, tenantId: string, f: ExchangeFilter, page: { page: number; pageSize: number; sort?: string }) {
  const w = where(tenantId, f);
  const rows = await db.execute(sql`${select} where ${w} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from exchange_meetings m where ${w}`);
  return { rows: rowsOf<ExchangeRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateMeetings(db: Db, tenantId: string, f: ExchangeFilter, sort?: string, batch = 1000) {
  const w = where(tenantId, f);
  for (let offset = 0; ; offset += batch) {
    const rows = rowsOf<ExchangeRow>(await db.execute(sql`${select} where ${w} order by ${orderBy(sort)} limit ${batch} offset ${offset}`));
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function getMeeting(db: Db, tenantId: string, id: string): Promise<ExchangeRow | null> {
  const res = await db.execute(sql`${select} where m.tenant_id = ${tenantId} and m.id = ${id}`);
  return rowsOf<ExchangeRow>(res)[0] ?? null;
}

export async function insertMeeting(db: Db, values: typeof exchangeMeetings.$inferInsert) {
  const [row] = await db.insert(exchangeMeetings).values(values).returning({ id: exchangeMeetings.id });
  return row;
}

export async function updateMeeting(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof exchangeMeetings.$inferInsert>) {
  const [row] = await db
    .update(exchangeMeetings)
    .set({ ...patch, version: sql`${exchangeMeetings.version} + 1` })
    .where(and(eq(exchangeMeetings.tenantId, tenantId), eq(exchangeMeetings.id, id), eq(exchangeMeetings.version, version)))
    .returning({ id: exchangeMeetings.id });
  return row ?? null;
}

export async function deleteMeeting(db: Db, tenantId: string, id: string) {
  await db.delete(exchangeMeetings).where(and(eq(exchangeMeetings.tenantId, tenantId), eq(exchangeMeetings.id, id)));
}
