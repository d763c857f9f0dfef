import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';

/**
 * What a leader's home view reads. Every query starts from the leader's duty
 * units and their coverage: the unit, the unit paired with it and all their
 * descendants (the same expansion as the leader's data scope).
 */
function coverage(tenantId: string, personId: string): SQL {
  return sql`with recursive roots as (
      select distinct unit_id as root from leader_duties where tenant_id = ${tenantId} and person_id = ${personId}
    ), base as (
      select r.root, u.id from roots r join units u on u.tenant_id = ${tenantId} and (u.id = r.root or u.paired_unit_id = r.root)
      union
      select r.root, u.paired_unit_id as id from roots r join units u on u.tenant_id = ${tenantId} and u.id = r.root and u.paired_unit_id is not null
    ), cov as (
      select root, id from base
      union
      select c.root, u.id from units u join cov c on u.parent_id = c.id where u.tenant_id = ${tenantId}
    )`;
}

export interface PersonRow {
  id: string;
  name: string;
  title: string | null;
}

export async function getPerson(db: Db, tenantId: string, id: string): Promise<PersonRow | null> {
  const res = await db.execute(sql`select id, name, title from people where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<PersonRow>(res)[0] ?? null;
}

export interface DutyRow {
  personId: string;
  unitId: string;
  unitName: string;
  kind: 'in_charge' | 'linked';
}

/** Duties of one leader, or of every leader when personId is null; 分管 before 联系. */
export async function listDuties(db: Db, tenantId: string, personId: string | null): Promise<DutyRow[]> {
  const res = await db.execute(sql`
    select d.person_id as "personId", d.unit_id as "unitId", u.name as "unitName", d.kind
    from leader_duties d join units u on u.id = d.unit_id join people p on p.id = d.person_id
    where d.tenant_id = ${tenantId} ${personId ? sql`and d.person_id = ${personId}` : sql``}
    order by p.staff_no, case d.kind when 'in_charge' then 0 else 1 end, u.sort_order`);
  return rowsOf<DutyRow>(res);
}

export interface TaskRow {
  id: string;
  title: string;
  category: string;
  status: string;
  progress: number;
  startDate: string;
  dueDate: string;
  lastReportAt: Date | string | null;
  ownerUnitId: string;
  ownerUnitName: string;
  responsiblePersonId: string | null;
  responsibleName: string | null;
  roots: string;
}

/** Tasks owned or co-owned by a unit the leader covers, and tasks naming the leader as responsible (cancelled ones left out). */
export async function listTasks(db: Db, tenantId: string, personId: string): Promise<TaskRow[]> {
  const res = await db.execute(sql`${coverage(tenantId, personId)}
    select k.id, k.title, k.category, k.status, k.progress, k.start_date::text as "startDate", k.due_date::text as "dueDate",
      k.last_report_at as "lastReportAt", k.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName",
      k.responsible_person_id as "responsiblePersonId", rp.name as "responsibleName",
      array_to_string(array(select distinct c.root::text from cov c where c.id = k.owner_unit_id
        or c.id in (select tu.unit_id from task_units tu where tu.tenant_id = k.tenant_id and tu.task_id = k.id)), ',') as roots
    from tasks k join units u on u.id = k.owner_unit_id left join people rp on rp.id = k.responsible_person_id
    where k.tenant_id = ${tenantId} and k.status <> 'cancelled' and (
      k.responsible_person_id = ${personId}
      or k.owner_unit_id in (select id from cov)
      or exists (select 1 from task_units tu where tu.tenant_id = k.tenant_id and tu.task_id = k.id and tu.unit_id in (select id from cov)))
    order by k.due_date, k.id`);
  return rowsOf<TaskRow>(res);
}

export interface LectureRow {
  id: string;
  topic: string;
  heldOn: string;
  lecturerName: string;
  audienceUnitName: string;
  audienceCount: number;
  roots: string;
}

/** Lectures to a covered unit, and lectures the leader gave. */
export async function listLectures(db: Db, tenantId: string, personId: string): Promise<LectureRow[]> {
  const res = await db.execute(sql`${coverage(tenantId, personId)}
    select l.id, l.topic, l.held_on::text as "heldOn", p.name as "lecturerName", u.name as "audienceUnitName", l.audience_count as "audienceCount",
      array_to_string(array(select distinct c.root::text from cov c where c.id = l.audience_unit_id), ',') as roots
    from lectures l join people p on p.id = l.lecturer_person_id join units u on u.id = l.audience_unit_id
    where l.tenant_id = ${tenantId} and (l.lecturer_person_id = ${personId} or l.audience_unit_id in (select id from cov))
    order by l.held_on desc, l.id`);
  return rowsOf<LectureRow>(res);
}

export interface TopicRow {
  id: string;
  title: string;
  status: string;
  leaderPersonId: string;
  leaderName: string;
  problemCount: number;
  rectifiedCount: number;
  roots: string;
}

/** Research topics the leader leads, and topics touching a covered unit. */
export async function listTopics(db: Db, tenantId: string, personId: string): Promise<TopicRow[]> {
  const res = await db.execute(sql`${coverage(tenantId, personId)}
    select t.id, t.title, t.status, t.leader_person_id as "leaderPersonId", p.name as "leaderName",
      (select count(*)::int from research_problems rp where rp.tenant_id = t.tenant_id and rp.topic_id = t.id) as "problemCount",
      (select count(*)::int from research_problems rp where rp.tenant_id = t.tenant_id and rp.topic_id = t.id and rp.rectification_task_id is not null) as "rectifiedCount",
      array_to_string(array(select distinct c.root::text from cov c join research_topic_units tu on tu.unit_id = c.id
        where tu.tenant_id = t.tenant_id and tu.topic_id = t.id), ',') as roots
    from research_topics t join people p on p.id = t.leader_person_id
    where t.tenant_id = ${tenantId} and (t.leader_person_id = ${personId}
      or exists (select 1 from research_topic_units tu where tu.tenant_id = t.tenant_id and tu.topic_id = t.id and tu.unit_id in (select id from cov)))
    order by t.created_at desc, t.id`);
  return rowsOf<TopicRow>(res);
}
