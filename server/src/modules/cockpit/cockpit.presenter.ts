import { outcomeKinds, outcomeLevels, researchStatuses, taskStatuses, type Cockpit, type CockpitUnitTasks } from '@santong/contract';
import type { FusionRow } from '../tasks/task.flow.repo.js';
import type { CheckGroupRow, OutcomeGroupRow, ResultRow, TaskGroupRow } from './cockpit.repo.js';

/** Shapes the grouped rows into the cockpit's figures (sums over small grouped sets, no per-record work). */

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The fusion numbers of the task rules: cancelled tasks left out, plain and weighted. */
function fusionOf(rows: FusionRow[]) {
  const sum = (k: keyof FusionRow) => rows.reduce((s, r) => s + Number(r[k]), 0);
  const total = sum('total');
  const fused = sum('fused');
  return { total, fused, ratio: ratio(fused, total), weightedRatio: ratio(sum('fusedWeight'), sum('weight')) };
}

const byOrder = <T extends { key: string }>(order: readonly string[]) => (a: T, b: T) => {
  const ia = order.indexOf(a.key);
  const ib = order.indexOf(b.key);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.key.localeCompare(b.key);
};

function tally<T>(rows: T[], key: (r: T) => string | null, n: (r: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + n(r));
  }
  return m;
}

const entries = (m: Map<string, number>) => [...m].map(([key, count]) => ({ key, count }));

export function presentTasks(rows: TaskGroupRow[]): Pick<Cockpit, 'tasks' | 'fusion'> {
  const units = new Map<string, CockpitUnitTasks>();
  const fusionRows = new Map<string, { unitName: string; rows: FusionRow[] }>();
  for (const r of rows) {
    const u = units.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, total: 0, planned: 0, in_progress: 0, done: 0, cancelled: 0 };
    u.total += r.total;
    if ((taskStatuses as readonly string[]).includes(r.status)) u[r.status as (typeof taskStatuses)[number]] += r.total;
    units.set(r.unitId, u);
    if (r.status === 'cancelled') continue;
    const f = fusionRows.get(r.unitId) ?? { unitName: r.unitName, rows: [] };
    f.rows.push(r);
    fusionRows.set(r.unitId, f);
  }
  const rag = { red: 0, amber: 0, green: 0, none: 0 };
  for (const r of rows) for (const k of ['red', 'amber', 'green', 'none'] as const) rag[k] += r[k];
  return {
    tasks: {
      total: rows.reduce((s, r) => s + r.total, 0),
      byStatus: entries(tally(rows, (r) => r.status, (r) => r.total)).sort(byOrder(taskStatuses)),
      byUnit: [...units.values()],
      rag,
    },
    fusion: {
      overall: fusionOf(rows.filter((r) => r.status !== 'cancelled')),
      byUnit: [...fusionRows].map(([unitId, f]) => ({ unitId, unitName: f.unitName, ...fusionOf(f.rows) })),
    },
  };
}

export function presentOutcomes(rows: OutcomeGroupRow[]): Cockpit['outcomes'] {
  const media = rows.filter((r) => r.kind === 'media_report' && r.medium);
  const byMedium = new Map<string, { key: string; count: number; national: number; provincial: number }>();
  for (const r of media) {
    const m = byMedium.get(r.medium!) ?? { key: r.medium!, count: 0, national: 0, provincial: 0 };
    m.count += r.count;
    if (r.level === 'national') m.national += r.count;
    if (r.level === 'provincial') m.provincial += r.count;
    byMedium.set(r.medium!, m);
  }
  return {
    total: rows.reduce((s, r) => s + r.count, 0),
    byKind: entries(tally(rows, (r) => r.kind, (r) => r.count)).sort(byOrder(outcomeKinds)),
    byLevel: entries(tally(rows, (r) => r.level, (r) => r.count)).sort(byOrder(outcomeLevels)),
    byMedium: [...byMedium.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

export function presentSupervision(rows: CheckGroupRow[]): Cockpit['supervision'] {
  const months = new Map<string, { month: string; total: number; pass: number; partial: number; fail: number; passRate: number }>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { month: r.month, total: 0, pass: 0, partial: 0, fail: 0, passRate: 0 };
    m.total += r.count;
    if (r.result === 'pass' || r.result === 'partial' || r.result === 'fail') m[r.result] += r.count;
    months.set(r.month, m);
  }
  const byMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month)).map((m) => ({ ...m, passRate: ratio(m.pass, m.total) }));
  const sum = (k: 'total' | 'pass' | 'partial' | 'fail') => byMonth.reduce((s, m) => s + m[k], 0);
  return { total: sum('total'), pass: sum('pass'), partial: sum('partial'), fail: sum('fail'), passRate: ratio(sum('pass'), sum('total')), byMonth };
}

export function presentResearch(rows: { status: string; count: number }[]): Cockpit['research'] {
  return { total: rows.reduce((s, r) => s + r.count, 0), byStatus: rows.map((r) => ({ key: r.status, count: r.count })).sort(byOrder(researchStatuses)) };
}

type Band = { name?: unknown; label?: unknown };

/** Grade distribution in band order (best first) and the ranking, from the latest published scheme. */
export function presentAssessment(rows: ResultRow[]): Cockpit['assessment'] {
  const head = rows[0];
  if (!head) return null;
  const bands = (Array.isArray(head.bands) ? (head.bands as Band[]) : []).filter((b) => typeof b.name === 'string');
  const label = (grade: string) => String(bands.find((b) => b.name === grade)?.label ?? grade);
  const results = rows.filter((r) => r.targetId);
  const counts = tally(results, (r) => r.grade, () => 1);
  const order = bands.map((b) => String(b.name));
  return {
    schemeId: head.schemeId,
    title: head.title,
    year: Number(head.year),
    publishedAt: head.publishedAt ? new Date(head.publishedAt).toISOString() : null,
    byGrade: [...new Set([...order, ...counts.keys()])].map((key) => ({ key, label: label(key), count: counts.get(key) ?? 0 })),
    ranking: results.map((r) => ({
      targetId: r.targetId!, name: r.name!, unitId: r.unitId!, total: Number(r.total), rank: Number(r.rank), grade: r.grade!, gradeLabel: label(r.grade!), vetoed: Boolean(r.vetoed),
    })),
  };
}
