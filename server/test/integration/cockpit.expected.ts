import { defaultBands } from '@santong/contract';
import { defaultRagSettings, ragStatus } from '../../src/modules/tasks/task.rules.js';
import type { Fixture, UnitCode } from './cockpit.fixture.js';

/**
 * The cockpit's figures counted in plain TypeScript from the fixture's
 * records (not from SQL), for one viewer and one query.
 */
export interface Viewer {
  /** units in the viewer's scope, or all */
  units: Set<UnitCode> | 'all';
  /** a leader also sees tasks naming them, lectures they gave and topics they lead */
  leader: boolean;
}

export interface Query {
  from?: string;
  to?: string;
  unit?: UnitCode;
}

const CAMPAIGN = { from: '2026-03-01', to: '2026-12-31' };
const subtreeOf = (u: UnitCode): UnitCode[] => (u === 'A' ? ['A', 'A1'] : [u]);

const count = <T>(rows: T[], key: (r: T) => string) => {
  const m: Record<string, number> = {};
  for (const r of rows) m[key(r)] = (m[key(r)] ?? 0) + 1;
  return m;
};

export function expected(fx: Fixture, v: Viewer, q: Query, today: string) {
  const inScope = (u: UnitCode) => v.units === 'all' || v.units.has(u);
  const inUnit = (u: UnitCode | null) => !q.unit || (u !== null && subtreeOf(q.unit).includes(u));
  const from = q.from ?? CAMPAIGN.from;
  const to = q.to ?? CAMPAIGN.to;
  const inPeriod = (d: string) => d >= from && d <= to;
  const dueOk = (d: string) => (!q.from || d >= q.from) && (!q.to || d <= q.to);

  const tasks = fx.tasks.filter(
    (t) => t.campaign === 'K' && (inScope(t.unit) || (t.coUnit !== null && inScope(t.coUnit)) || (v.leader && t.leader)) && dueOk(t.dueDate) && (inUnit(t.unit) || inUnit(t.coUnit)),
  );
  const byUnit: Record<string, Record<string, number>> = {};
  for (const t of tasks) {
    byUnit[t.unit] ??= {};
    byUnit[t.unit][t.status] = (byUnit[t.unit][t.status] ?? 0) + 1;
  }
  const rag = count(tasks, (t) => ragStatus(t, today, defaultRagSettings));
  const live = tasks.filter((t) => t.status !== 'cancelled');
  const fused = live.filter((t) => t.fused);
  const weight = (list: typeof live) => list.reduce((s, t) => s + t.weight, 0);

  const outcomes = fx.outcomes.filter((o) => inScope(o.unit) && inPeriod(o.publishedOn) && inUnit(o.unit));
  const media: Record<string, { count: number; national: number; provincial: number }> = {};
  for (const o of outcomes.filter((x) => x.kind === 'media_report' && x.medium)) {
    const m = (media[o.medium!] ??= { count: 0, national: 0, provincial: 0 });
    m.count++;
    if (o.level === 'national') m.national++;
    if (o.level === 'provincial') m.provincial++;
  }

  const checks = fx.checks.filter((c) => c.campaign === 'K' && inScope(c.unit) && inPeriod(c.checkedOn) && inUnit(c.unit));
  const lectures = fx.lectures.filter((l) => l.campaign === 'K' && (inScope(l.unit) || (v.leader && l.byLeader)) && inPeriod(l.heldOn) && inUnit(l.unit));
  const topics = fx.topics.filter((x) => (inScope(x.unit) || (v.leader && x.byLeader)) && inUnit(x.unit));
  const followUps = fx.followUps.filter((f) => f.campaign === 'K' && inScope(f.unit) && dueOk(f.dueDate) && inUnit(f.unit));
  const open = followUps.filter((f) => !f.closed);
  // A target is in scope through its unit or its paired unit (A is paired with AP).
  const results = fx.results.filter((r) => (inScope(r.unit) || (r.unit === 'A' && inScope('AP'))) && (!q.unit || subtreeOf(q.unit).includes(r.unit) || (r.unit === 'A' && q.unit === 'AP')));

  return {
    tasks: { total: tasks.length, byStatus: count(tasks, (t) => t.status), byUnit, rag },
    fusion: { total: live.length, fused: fused.length, ratio: live.length ? fused.length / live.length : 0, weightedRatio: weight(live) ? weight(fused) / weight(live) : 0 },
    outcomes: { total: outcomes.length, byKind: count(outcomes, (o) => o.kind), byLevel: count(outcomes, (o) => o.level), media },
    supervision: {
      total: checks.length,
      pass: checks.filter((c) => c.result === 'pass').length,
      byMonth: count(checks, (c) => c.checkedOn.slice(0, 7)),
    },
    lectures: { total: lectures.length, held: lectures.filter((l) => l.heldOn <= today).length, audience: lectures.reduce((s, l) => s + l.audience, 0) },
    research: count(topics, (x) => x.status),
    followUps: { total: followUps.length, open: open.length, overdue: open.filter((f) => f.dueDate < today).length, closed: followUps.length - open.length },
    ranking: results.sort((a, b) => a.rank - b.rank).map((r) => ({ rank: r.rank, grade: r.grade, gradeLabel: defaultBands.find((b) => b.name === r.grade)!.label })),
  };
}
