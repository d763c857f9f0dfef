import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql } from '../../access/scope.js';
import { taskScopeSql } from '../tasks/task.query.js';
import { outcomeWhere } from '../outcomes/outcomes.repo.js';
import type { CockpitFilter } from '../cockpit/cockpit.repo.js';

/**
 * What the briefing states beyond the cockpit's figures: the documents and
 * study sessions of 同部署, reviewed progress reports and activities of
 * 同落实, and the outcomes worth naming. Same scope and period rules.
 */

const between = (col: SQL, from?: string, to?: string) => sql`${from ? sql`and ${col} >= ${from}::date` : sql``} ${to ? sql`and ${col} <= ${to}::date` : sql``}`;
/**
 * A UTC-day period on a timestamptz column, as a plain range on the column:
 * the planner can estimate it (a `(col at time zone 'UTC')::date` filter is
 * guessed at a few rows, which turned the reports count into a 450k-probe
 * nested loop at scale M) and it reads the same days.
 */
const betweenUtcDays = (col: SQL, from?: string, to?: string) =>
  sql`${from ? sql`and ${col} >= (${from}::date::timestamp at time zone 'UTC')` : sql``} ${to ? sql`and ${col} < ((${to}::date + 1)::timestamp at time zone 'UTC')` : sql``}`;
const subtree = (f: CockpitFilter) => sql`(with recursive sub as (select id from units where tenant_id = ${f.tenantId} and id = ${f.unitId}
    union select u.id from units u join sub on u.parent_id = sub.id where u.tenant_id = ${f.tenantId}) select id from sub)`;
const inSubtree = (f: CockpitFilter, col: SQL) => (f.unitId ? sql`and ${col} in ${subtree(f)}` : sql``);

export interface DeployCounts {
  plans: number;
  documents: number;
  studySessions: number;
  studyByKind: { kind: string; count: number }[];
}

/** The campaign's work plans and other documents, and study sessions held in the period. */
export async function deployCounts(db: Db, f: CockpitFilter): Promise<DeployCounts> {
  const [docs, study] = await Promise.all([
    db.execute(sql`select count(*) filter (where d.kind = 'plan')::int as plans, count(*) filter (where d.kind <> 'plan')::int as documents
      from documents d where d.tenant_id = ${f.tenantId} and d.campaign_id = ${f.campaignId ?? null}`),
    db.execute(sql`select s.kind, count(*)::int as count from study_sessions s
      where s.tenant_id = ${f.tenantId} and ${unitScopeSql(f.scope, sql`s.host_unit_id`)} ${f.campaignId ? sql`and s.campaign_id = ${f.campaignId}` : sql``}
        ${between(sql`s.held_on`, f.from, f.to)} ${inSubtree(f, sql`s.host_unit_id`)}
      group by s.kind order by count(*) desc`),
  ]);
  const d = rowsOf<{ plans: number; documents: number }>(docs)[0];
  const byKind = rowsOf<{ kind: string; count: number }>(study).map((r) => ({ kind: r.kind, count: Number(r.count) }));
  return { plans: Number(d?.plans ?? 0), documents: Number(d?.documents ?? 0), studySessions: byKind.reduce((s, r) => s + r.count, 0), studyByKind: byKind };
}

export interface ExecuteCounts {
  reportsSubmitted: number;
  reportsApproved: number;
  activities: number;
  activityParticipants: number;
  activitiesByKind: { kind: string; count: number }[];
}

/** Progress reports on the tasks in scope submitted in the period, and activities held in it. */
export async function executeCounts(db: Db, f: CockpitFilter): Promise<ExecuteCounts> {
  const [reports, acts] = await Promise.all([
    db.execute(sql`select count(*)::int as submitted, count(*) filter (where r.status = 'approved')::int as approved
      from progress_reports r join tasks t on t.id = r.task_id and t.tenant_id = r.tenant_id
      where r.tenant_id = ${f.tenantId} and ${taskScopeSql(f.scope)} ${f.campaignId ? sql`and t.campaign_id = ${f.campaignId}` : sql``}
        ${betweenUtcDays(sql`r.submitted_at`, f.from, f.to)} ${inSubtree(f, sql`t.owner_unit_id`)}`),
    db.execute(sql`select a.kind, count(*)::int as count, coalesce(sum(a.participants), 0)::int as participants from activities a
      where a.tenant_id = ${f.tenantId} and ${unitScopeSql(f.scope, sql`a.unit_id`)} ${between(sql`a.held_on`, f.from, f.to)} ${inSubtree(f, sql`a.unit_id`)}
      group by a.kind order by count(*) desc`),
  ]);
  const r = rowsOf<{ submitted: number; approved: number }>(reports)[0];
  const byKind = rowsOf<{ kind: string; count: number; participants: number }>(acts);
  return {
    reportsSubmitted: Number(r?.submitted ?? 0),
    reportsApproved: Number(r?.approved ?? 0),
    activities: byKind.reduce((s, a) => s + Number(a.count), 0),
    activityParticipants: byKind.reduce((s, a) => s + Number(a.participants), 0),
    activitiesByKind: byKind.map((a) => ({ kind: a.kind, count: Number(a.count) })),
  };
}

export interface HighlightRow {
  kind: string;
  title: string;
  unitName: string;
  level: string;
  medium: string | null;
  publishedOn: string;
}

/** The outcomes worth naming: awards and national-level work first, then the newest. */
export async function topOutcomes(db: Db, f: CockpitFilter, limit = 8): Promise<HighlightRow[]> {
  const res = await db.execute(sql`select o.kind, o.title, u.name as "unitName", o.level, o.medium, o.published_on::text as "publishedOn"
    from outcomes o join units u on u.id = o.unit_id
    where ${outcomeWhere(f.tenantId, f.scope, { from: f.from, to: f.to })} ${inSubtree(f, sql`o.unit_id`)} and o.kind <> 'media_report'
    order by array_position(array['national','provincial','municipal','school'], o.level),
      array_position(array['award','think_tank_report','typical_case','innovation_case','theory_article','research_paper'], o.kind),
      o.published_on desc, o.id
    limit ${limit}`);
  return rowsOf<HighlightRow>(res);
}
