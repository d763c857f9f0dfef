import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';

export interface DueTask {
  id: string;
  title: string;
  due_date: string;
  progress: number;
  owner_unit_id: string;
  responsible_person_id: string | null;
}

const open = sql`t.status not in ('done', 'cancelled')`;

/** Open tasks due on exactly `day` (due soon) or before it (overdue). */
export async function tasksDue(db: Db, tenantId: string, day: string, mode: 'on' | 'before'): Promise<DueTask[]> {
  const when = mode === 'on' ? sql`t.due_date = ${day}::date` : sql`t.due_date < ${day}::date`;
  return rowsOf<DueTask>(
    await db.execute(sql`
      select t.id, t.title, t.due_date::text as due_date, t.progress, t.owner_unit_id, t.responsible_person_id
      from tasks t where t.tenant_id = ${tenantId} and ${open} and ${when} order by t.due_date, t.id`),
  );
}

/**
 * Who answers for a task: the active unit heads and liaisons whose unit scope
 * covers the owner unit (their unit is the owner, an ancestor of it, or paired
 * with one of those, as in access/scope.ts), and the responsible person's account.
 */
export async function taskRecipients(db: Db, tenantId: string, task: DueTask): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive anc as (
        select id, parent_id, paired_unit_id from units where tenant_id = ${tenantId} and id = ${task.owner_unit_id}
        union
        select u.id, u.parent_id, u.paired_unit_id from units u join anc on u.id = anc.parent_id where u.tenant_id = ${tenantId}
      ), roots as (
        select id from anc
        union select paired_unit_id from anc where paired_unit_id is not null
        union select id from units where tenant_id = ${tenantId} and paired_unit_id in (select id from anc)
      )
      select u.id from users u
      where u.tenant_id = ${tenantId} and u.status = 'active' and (
        (u.roles && '{unit_head,liaison}'::text[] and u.person_id in (
          select person_id from positions where tenant_id = ${tenantId} and unit_id in (select id from roots)
          union select id from people where tenant_id = ${tenantId} and unit_id in (select id from roots)))
        or u.person_id = ${task.responsible_person_id ?? '00000000-0000-0000-0000-000000000000'})
      order by u.username`),
  );
  return rows.map((r) => r.id);
}

export interface ClosingScheme {
  id: string;
  title: string;
  rating_deadline: string;
}

/** Schemes whose rating closes on `day` and are not frozen yet, with the raters that still have open forms. */
export async function schemesClosing(db: Db, tenantId: string, day: string): Promise<(ClosingScheme & { raters: string[] })[]> {
  const schemes = rowsOf<ClosingScheme>(
    await db.execute(sql`
      select id, title, rating_deadline::text as rating_deadline from assessment_schemes
      where tenant_id = ${tenantId} and rating_deadline = ${day}::date and frozen_at is null and published_at is null order by id`),
  );
  const out = [];
  for (const s of schemes) {
    const raters = rowsOf<{ id: string }>(
      await db.execute(sql`
        select distinct ra.rater_user_id as id from rater_assignments ra join users u on u.id = ra.rater_user_id and u.status = 'active'
        where ra.tenant_id = ${tenantId} and ra.scheme_id = ${s.id} and ra.status = 'open'`),
    ).map((r) => r.id);
    out.push({ ...s, raters });
  }
  return out;
}

export interface PublicityRound {
  id: string;
  title: string;
  publicity_start: string;
  publicity_end: string | null;
}

export async function roundsInPublicityFrom(db: Db, tenantId: string, day: string): Promise<PublicityRound[]> {
  return rowsOf<PublicityRound>(
    await db.execute(sql`
      select id, title, publicity_start::text as publicity_start, publicity_end::text as publicity_end from honour_rounds
      where tenant_id = ${tenantId} and status = 'publicity' and publicity_start = ${day}::date
        -- opening the publicity already told everyone when that happened since yesterday
        and not exists (select 1 from notifications n where n.tenant_id = honour_rounds.tenant_id and n.entity_id = honour_rounds.id
          and n.kind = 'honour.publicity' and n.created_at >= (${day}::date - 1)::timestamptz)
      order by id`),
  );
}

export async function activeUsers(db: Db, tenantId: string): Promise<string[]> {
  return rowsOf<{ id: string }>(await db.execute(sql`select id from users where tenant_id = ${tenantId} and status = 'active' order by username`)).map((r) => r.id);
}
