import { and, asc, desc, eq, ilike, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { campaignBodies, campaignMembers, campaigns } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray } from '../../access/scope.js';
import type { CampaignRow, MemberRow } from './campaigns.presenter.js';

export interface CampaignFilter {
  status?: string;
  kind?: string;
  q?: string;
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

const columns = {
  id: campaigns.id,
  title: campaigns.title,
  kind: campaigns.kind,
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  status: campaigns.status,
  description: campaigns.description,
  version: campaigns.version,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  // Written out qualified: drizzle drops the table name from columns of a one-table select.
  bodyCount: sql<number>`(select count(*)::int from campaign_bodies b where b.tenant_id = campaigns.tenant_id and b.campaign_id = campaigns.id)`,
  memberCount: sql<number>`(select count(*)::int from campaign_members m join campaign_bodies b on b.id = m.body_id
    where m.tenant_id = campaigns.tenant_id and b.tenant_id = campaigns.tenant_id and b.campaign_id = campaigns.id)`,
  documentCount: sql<number>`(select count(*)::int from documents d where d.tenant_id = campaigns.tenant_id and d.campaign_id = campaigns.id)`,
};

const sortable: Record<string, AnyColumn> = {
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  title: campaigns.title,
  status: campaigns.status,
  createdAt: campaigns.createdAt,
};

function campaignWhere(tenantId: string, f: CampaignFilter): SQL {
  const conds: SQL[] = [eq(campaigns.tenantId, tenantId)];
  if (f.status) conds.push(eq(campaigns.status, f.status));
  if (f.kind) conds.push(eq(campaigns.kind, f.kind));
  if (f.q) conds.push(ilike(campaigns.title, like(f.q)));
  return and(...conds)!;
}

export async function listCampaigns(db: Db, tenantId: string, f: CampaignFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = campaignWhere(tenantId, f);
  const key = page.sort?.replace(/^-/, '') ?? 'startDate';
  const col = sortable[key] ?? campaigns.startDate;
  const order = page.sort ? (page.sort.startsWith('-') ? desc(col) : asc(col)) : desc(campaigns.startDate);
  const [rows, [{ count }]] = await Promise.all([
    db.select(columns).from(campaigns).where(where).orderBy(order, asc(campaigns.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(campaigns).where(where),
  ]);
  return { rows: rows as CampaignRow[], total: count };
}

export async function getCampaign(db: Db, tenantId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await db.select(columns).from(campaigns).where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
  return (row as CampaignRow) ?? null;
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert) {
  const [row] = await db.insert(campaigns).values(values).returning({ id: campaigns.id });
  return row;
}

export async function updateCampaign(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof campaigns.$inferInsert>) {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning({ id: campaigns.id });
  return row ?? null;
}

/** Records that hang on a campaign; any of them keeps it from being deleted. */
export async function campaignUsage(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`
    select
      (select count(*)::int from tasks where tenant_id = ${tenantId} and campaign_id = ${id}) as tasks,
      (select count(*)::int from documents where tenant_id = ${tenantId} and campaign_id = ${id}) as documents,
      (select count(*)::int from study_sessions where tenant_id = ${tenantId} and campaign_id = ${id}) as studies,
      (select count(*)::int from research_topics where tenant_id = ${tenantId} and campaign_id = ${id}) as research,
      (select count(*)::int from lectures where tenant_id = ${tenantId} and campaign_id = ${id}) as lectures`);
  return rowsOf<{ tasks: number; documents: number; studies: number; research: number; lectures: number }>(res)[0];
}

export async function deleteCampaign(db: Db, tenantId: string, id: string) {
  await db.execute(sql`delete from campaign_members where tenant_id = ${tenantId}
    and body_id in (select id from campaign_bodies where tenant_id = ${tenantId} and campaign_id = ${id})`);
  await db.delete(campaignBodies).where(and(eq(campaignBodies.tenantId, tenantId), eq(campaignBodies.campaignId, id)));
  await db.delete(campaigns).where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
}

// ---- bodies and members ----

export async function listBodies(db: Db, tenantId: string, campaignId: string) {
  return db
    .select()
    .from(campaignBodies)
    .where(and(eq(campaignBodies.tenantId, tenantId), eq(campaignBodies.campaignId, campaignId)))
    .orderBy(asc(campaignBodies.sortOrder), asc(campaignBodies.name));
}

export async function getBody(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(campaignBodies).where(and(eq(campaignBodies.tenantId, tenantId), eq(campaignBodies.id, id)));
  return row ?? null;
}

export async function countBodiesOfKind(db: Db, tenantId: string, campaignId: string, kind: string) {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignBodies)
    .where(and(eq(campaignBodies.tenantId, tenantId), eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.kind, kind)));
  return n;
}

export async function insertBodies(db: Db, rows: (typeof campaignBodies.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(campaignBodies).values(rows).returning();
}

export async function updateBody(db: Db, tenantId: string, id: string, patch: Partial<typeof campaignBodies.$inferInsert>) {
  await db.update(campaignBodies).set(patch).where(and(eq(campaignBodies.tenantId, tenantId), eq(campaignBodies.id, id)));
}

export async function deleteBody(db: Db, tenantId: string, id: string) {
  await db.delete(campaignMembers).where(and(eq(campaignMembers.tenantId, tenantId), eq(campaignMembers.bodyId, id)));
  await db.delete(campaignBodies).where(and(eq(campaignBodies.tenantId, tenantId), eq(campaignBodies.id, id)));
}

/** Members of the given bodies with their names, titles and units. */
export async function listMembers(db: Db, tenantId: string, bodyIds: string[]): Promise<MemberRow[]> {
  if (bodyIds.length === 0) return [];
  const res = await db.execute(sql`
    select m.id, m.body_id as "bodyId", m.person_id as "personId", p.name as "personName", p.title as "personTitle",
      m.role, m.unit_id as "unitId", u.name as "unitName", m.sort_order as "sortOrder"
    from campaign_members m
    join people p on p.id = m.person_id and p.tenant_id = m.tenant_id
    left join units u on u.id = m.unit_id and u.tenant_id = m.tenant_id
    where m.tenant_id = ${tenantId} and m.body_id = any(${uuidArray(bodyIds)})
    order by m.sort_order, u.sort_order nulls first, p.staff_no`);
  return rowsOf<MemberRow>(res);
}

export async function getMember(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(campaignMembers).where(and(eq(campaignMembers.tenantId, tenantId), eq(campaignMembers.id, id)));
  return row ?? null;
}

export async function memberOfBody(db: Db, tenantId: string, bodyId: string, personId: string) {
  const [row] = await db
    .select({ id: campaignMembers.id })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.tenantId, tenantId), eq(campaignMembers.bodyId, bodyId), eq(campaignMembers.personId, personId)));
  return row ?? null;
}

export async function insertMembers(db: Db, rows: (typeof campaignMembers.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(campaignMembers).values(rows).onConflictDoNothing().returning();
}

export async function updateMember(db: Db, tenantId: string, id: string, patch: Partial<typeof campaignMembers.$inferInsert>) {
  await db.update(campaignMembers).set(patch).where(and(eq(campaignMembers.tenantId, tenantId), eq(campaignMembers.id, id)));
}

export async function deleteMember(db: Db, tenantId: string, id: string) {
  await db.delete(campaignMembers).where(and(eq(campaignMembers.tenantId, tenantId), eq(campaignMembers.id, id)));
}

/**
 * Every unit's liaison officers (positions with role liaison), one row per
 * person: a person who is liaison of a college and of its party branch is
 * listed once, under the business unit.
 */
export async function liaisonPositions(db: Db, tenantId: string): Promise<{ personId: string; unitId: string }[]> {
  const res = await db.execute(sql`
    select "personId", "unitId" from (
      select distinct on (p.person_id) p.person_id as "personId", p.unit_id as "unitId", u.sort_order as sort_order, p.id as pos_id
      from positions p join units u on u.id = p.unit_id and u.tenant_id = p.tenant_id
      where p.tenant_id = ${tenantId} and p.role = 'liaison'
      order by p.person_id, (u.track = 'admin') desc, u.sort_order
    ) x order by sort_order, pos_id`);
  return rowsOf<{ personId: string; unitId: string }>(res);
}
