import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import type { MetricFormula } from './metrics.js';
import { figureKey } from './metrics.js';

/**
 * The figures behind data indicators: one aggregated query per metric over all
 * targets of a scheme (see metrics.ts for the formulas). `tu` pairs each
 * target with every unit it covers: its unit, its paired unit and both subtrees.
 */
const targetUnits = (tenantId: string, schemeId: string) => sql`
  with recursive roots as (
    select t.id as target_id, t.unit_id from assessment_targets t where t.tenant_id = ${tenantId} and t.scheme_id = ${schemeId}
    union
    select t.id, t.paired_unit_id from assessment_targets t where t.tenant_id = ${tenantId} and t.scheme_id = ${schemeId} and t.paired_unit_id is not null
  ), tu(target_id, unit_id) as (
    select target_id, unit_id from roots
    union
    select tu.target_id, u.id from units u join tu on u.parent_id = tu.unit_id where u.tenant_id = ${tenantId}
  )`;

interface Window {
  tenantId: string;
  schemeId: string;
  from: string;
  to: string;
}

type Figure = { target_id: string; v: number | string | null; k?: string | null };

function metricQuery(metric: string, w: Window): SQL {
  const { tenantId, from, to } = w;
  const dueInYear = sql`k.tenant_id = ${tenantId} and k.owner_unit_id = tu.unit_id and k.status <> 'cancelled' and k.due_date >= ${from} and k.due_date < ${to}`;
  switch (metric) {
    case 'task_completion_rate':
      return sql`select tu.target_id, (count(*) filter (where k.status = 'done'))::float8 / count(*) as v from tu join tasks k on ${dueInYear} group by tu.target_id`;
    case 'on_time_rate':
      return sql`select tu.target_id, (count(*) filter (where k.completed_at::date <= k.due_date))::float8 / count(*) as v
        from tu join tasks k on ${dueInYear} and k.status = 'done' group by tu.target_id`;
    case 'report_timeliness':
      return sql`select tu.target_id, (count(*) filter (where r.submitted_at::date <= k.due_date))::float8 / count(*) as v
        from tu join tasks k on k.tenant_id = ${tenantId} and k.owner_unit_id = tu.unit_id
        join progress_reports r on r.tenant_id = k.tenant_id and r.task_id = k.id and r.status = 'approved' and r.submitted_at >= ${from}::date and r.submitted_at < ${to}::date
        group by tu.target_id`;
    case 'supervision_pass_rate':
      return sql`select tu.target_id, (count(*) filter (where c.result = 'pass'))::float8 / count(*) as v
        from tu join supervision_checks c on c.tenant_id = ${tenantId} and c.unit_id = tu.unit_id and c.checked_on >= ${from} and c.checked_on < ${to} group by tu.target_id`;
    case 'outcome_count':
      return sql`select tu.target_id, o.kind as k, count(*)::int as v
        from tu join outcomes o on o.tenant_id = ${tenantId} and o.unit_id = tu.unit_id and o.published_on >= ${from} and o.published_on < ${to} group by tu.target_id, o.kind`;
    case 'lectures_given':
      return sql`select tu.target_id, count(*)::int as v
        from tu join lectures l on l.tenant_id = ${tenantId} and l.audience_unit_id = tu.unit_id and l.held_on >= ${from} and l.held_on < ${to} group by tu.target_id`;
    default:
      // research_topics_closed: a topic counts once per target however many of its units took part
      return sql`select tu.target_id, count(distinct rt.id)::int as v
        from tu join research_topic_units ru on ru.tenant_id = ${tenantId} and ru.unit_id = tu.unit_id
        join research_topics rt on rt.tenant_id = ru.tenant_id and rt.id = ru.topic_id and rt.status = 'closed' and rt.updated_at >= ${from}::date and rt.updated_at < ${to}::date
        group by tu.target_id`;
  }
}

/** figureKey → targetId → figure, for the formulas a scheme uses (one query per metric). */
export async function gatherFigures(db: Db, w: Window, formulas: readonly MetricFormula[]): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  const metrics = [...new Set(formulas.map((f) => f.metric))];
  for (const metric of metrics) {
    const rows = rowsOf<Figure>(await db.execute(sql`${targetUnits(w.tenantId, w.schemeId)} ${metricQuery(metric, w)}`));
    if (metric !== 'outcome_count') {
      out[metric] = Object.fromEntries(rows.filter((r) => r.v !== null).map((r) => [r.target_id, Number(r.v)]));
      continue;
    }
    // outcome_count: the all-kinds count and one per kind the scheme asks for
    out.outcome_count = {};
    for (const r of rows) {
      out.outcome_count[r.target_id] = (out.outcome_count[r.target_id] ?? 0) + Number(r.v);
      const key = figureKey({ metric: 'outcome_count', mode: 'count', outcomeKind: r.k ?? null, cap: 1, full: 1 });
      (out[key] ??= {})[r.target_id] = Number(r.v);
    }
  }
  return out;
}

export const yearWindow = (tenantId: string, schemeId: string, year: number): Window => ({ tenantId, schemeId, from: `${year}-01-01`, to: `${year + 1}-01-01` });
