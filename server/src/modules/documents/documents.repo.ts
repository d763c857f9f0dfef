import { and, asc, desc, eq, gte, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { attachments, campaigns, documents, units } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import type { DocumentRow } from './documents.presenter.js';

export interface DocumentFilter {
  campaignId?: string;
  kind?: string;
  issuingUnitId?: string;
  q?: string;
  from?: string;
  to?: string;
}

const columns = {
  id: documents.id,
  kind: documents.kind,
  title: documents.title,
  docNo: documents.docNo,
  issuingUnitId: documents.issuingUnitId,
  issuingUnitName: units.name,
  issuedOn: documents.issuedOn,
  campaignId: documents.campaignId,
  campaignTitle: campaigns.title,
  summary: documents.summary,
  version: documents.version,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};

const sortable: Record<string, AnyColumn> = {
  issuedOn: documents.issuedOn,
  title: documents.title,
  docNo: documents.docNo,
  kind: documents.kind,
  createdAt: documents.createdAt,
};

function documentWhere(tenantId: string, f: DocumentFilter): SQL {
  const conds: SQL[] = [eq(documents.tenantId, tenantId)];
  if (f.campaignId) conds.push(eq(documents.campaignId, f.campaignId));
  if (f.kind) conds.push(eq(documents.kind, f.kind));
  if (f.issuingUnitId) conds.push(eq(documents.issuingUnitId, f.issuingUnitId));
  if (f.from) conds.push(gte(documents.issuedOn, f.from));
  if (f.to) conds.push(lte(documents.issuedOn, f.to));
  if (f.q) conds.push(gramsMatchSql(documents.searchGrams, f.q));
  return and(...conds)!;
}

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(documents)
    .leftJoin(units, and(eq(units.id, documents.issuingUnitId), eq(units.tenantId, documents.tenantId)))
    .leftJoin(campaigns, and(eq(campaigns.id, documents.campaignId), eq(campaigns.tenantId, documents.tenantId)));
}

function orderOf(sort?: string) {
  const key = sort?.replace(/^-/, '') ?? 'issuedOn';
  const col = sortable[key] ?? documents.issuedOn;
  if (!sort) return [sql`${documents.issuedOn} desc nulls last`, desc(documents.createdAt), asc(documents.id)];
  return [sort.startsWith('-') ? sql`${col} desc nulls last` : sql`${col} asc nulls last`, asc(documents.id)];
}

export async function listDocuments(db: Db, tenantId: string, f: DocumentFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = documentWhere(tenantId, f);
  const [rows, [{ count }]] = await Promise.all([
    baseQuery(db).where(where).orderBy(...orderOf(page.sort)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(documents).where(where),
  ]);
  return { rows: rows as DocumentRow[], total: count };
}

/** All matching documents in pages of `batch`, for the export. */
export async function* iterateDocuments(db: Db, tenantId: string, f: DocumentFilter, sort?: string, batch = 1000) {
  const where = documentWhere(tenantId, f);
  for (let offset = 0; ; offset += batch) {
    const rows = (await baseQuery(db).where(where).orderBy(...orderOf(sort)).limit(batch).offset(offset)) as DocumentRow[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function getDocument(db: Db, tenantId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await baseQuery(db).where(and(eq(documents.tenantId, tenantId), eq(documents.id, id)));
  return (row as DocumentRow) ?? null;
}

export async function getDocumentByDocNo(db: Db, tenantId: string, docNo: string) {
  const [row] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.docNo, docNo)));
  return row ?? null;
}

export async function insertDocument(db: Db, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning({ id: documents.id });
  return row;
}

export async function updateDocument(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof documents.$inferInsert>) {
  const [row] = await db
    .update(documents)
    .set({ ...patch, version: sql`${documents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, id), eq(documents.version, version)))
    .returning({ id: documents.id });
  return row ?? null;
}

/** Records that point at a document (a research topic's report). */
export async function documentUsage(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select count(*)::int as research from research_topics where tenant_id = ${tenantId} and report_document_id = ${id}`);
  return rowsOf<{ research: number }>(res)[0];
}

export async function deleteDocument(db: Db, tenantId: string, id: string) {
  await db.delete(attachments).where(and(eq(attachments.tenantId, tenantId), eq(attachments.entity, 'document'), eq(attachments.entityId, id)));
  await db.delete(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, id)));
}
