import { and, asc, eq, sql } from 'drizzle-orm';
import { attachments, files } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { uuidArray } from '../../access/scope.js';

export async function upsertFile(db: Db, tenantId: string, f: { sha256: string; size: number; mime: string }) {
  await db.insert(files).values({ tenantId, ...f }).onConflictDoNothing();
  const [row] = await db.select().from(files).where(and(eq(files.tenantId, tenantId), eq(files.sha256, f.sha256)));
  return row;
}

export async function insertAttachment(db: Db, values: typeof attachments.$inferInsert) {
  const [row] = await db.insert(attachments).values(values).returning();
  return row;
}

const columns = {
  id: attachments.id,
  entity: attachments.entity,
  entityId: attachments.entityId,
  name: attachments.name,
  purpose: attachments.purpose,
  fileId: attachments.fileId,
  sha256: files.sha256,
  size: files.size,
  mime: files.mime,
  createdAt: attachments.createdAt,
};

export async function getAttachment(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(attachments)
    .innerJoin(files, eq(files.id, attachments.fileId))
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, id)));
  return row ?? null;
}

export async function listAttachments(db: Db, tenantId: string, entity: string, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db
    .select(columns)
    .from(attachments)
    .innerJoin(files, eq(files.id, attachments.fileId))
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.entity, entity), sql`${attachments.entityId} = any(${uuidArray(entityIds)})`))
    .orderBy(asc(attachments.createdAt));
}

export async function deleteAttachment(db: Db, tenantId: string, id: string) {
  await db.delete(attachments).where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, id)));
}
