/**
 * One-off timed measures against the real server, after the load runs:
 * generated documents (time to the last byte, size, server RSS growth) and
 * the year-end assessment computation (the same POST the office's "compute"
 * button sends, on the generated closed scheme).
 */
import type { Database } from '../server/src/db/client.js';
import type { Engine } from './db.js';
import type { Refs } from './endpoints.js';
import type { Session } from './load.js';
import { addMeasure, type BenchResult } from './report.js';
import type { LiveServer } from './server.js';
import { percentile, round } from './stats.js';
import { measureExport } from './xlsx.js';

export interface DocumentSpec {
  name: string;
  route: string;
  url: (refs: Refs) => string;
  as: string;
}

export const documents: DocumentSpec[] = [
  // 工作简报: the generated work report of the active campaign over its whole period (charts included)
  { name: 'briefing .docx', route: '/api/v1/briefing.docx', url: (r) => `/api/v1/briefing.docx?campaignId=${r.campaignId}`, as: 'office' },
];

/** How often each timed measure runs by default: the first (cold) run plus two more; the table shows the median. */
const RUNS = 3;

export interface TimedResult {
  name: string;
  engine: Engine;
  /** seconds of every run, in order (the first is cold) */
  seconds: number[];
  bytes?: number;
  growthMB?: number;
  /** input rows, where the measure has them (assessment scores) */
  rows?: number;
}

interface Ctx {
  result: BenchResult;
  engine: Engine;
  server: LiveServer;
  routes: Set<string>;
  refs: Refs;
  sessionOf: (username: string) => Promise<Session>;
  log: (msg: string) => void;
  /** runs per measure (the smoke test uses 1) */
  runs?: number;
}

const skip = (c: Ctx, what: string, reason: string) => c.result.skipped.push({ engine: c.engine, what, reason });

export async function measureDocuments(c: Ctx, list: DocumentSpec[] = documents): Promise<void> {
  for (const spec of list) {
    if (!c.refs.campaignId || !c.routes.has(spec.route)) {
      skip(c, spec.name, `${spec.route} not in the API yet`);
      continue;
    }
    const n = c.runs ?? RUNS;
    c.log(`  ${c.engine} ${spec.name} × ${n}`);
    const session = await c.sessionOf(spec.as);
    const runs = [];
    for (let i = 0; i < n; i++) {
      const r = await measureExport(c.server, spec.url(c.refs), session, 120);
      if (r.status !== 200 || r.timedOut) {
        skip(c, spec.name, r.timedOut ? 'no answer within 120 s' : `status ${r.status}`);
        break;
      }
      runs.push(r);
    }
    if (runs.length < n) continue;
    const seconds = runs.map((r) => r.seconds);
    const growth = Math.max(...runs.map((r) => r.growthMB));
    c.result.timed.push({ name: spec.name, engine: c.engine, seconds, bytes: runs[0].bytes, growthMB: growth });
    addMeasure(c.result, {
      key: `document ${spec.name}`, engine: c.engine, value: round(percentile(seconds, 50)), unit: 's',
      display: `${round(percentile(seconds, 50))} s median of ${n} (first ${round(seconds[0])} s), ${Math.round(runs[0].bytes / 1024)} KB${Number.isFinite(growth) ? `, RSS +${round(growth, 1)} MB` : ""}`,
    });
  }
}

async function countScores(database: Database, refs: Refs): Promise<number> {
  const rows = (await database.query(
    `select count(*)::int as n from rating_scores s join rater_assignments a on a.tenant_id = s.tenant_id and a.id = s.assignment_id
     where a.tenant_id = $1 and a.scheme_id = $2`,
    [refs.tenantId, refs.closedSchemeId],
  )) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

/** POST /assessment-schemes/{id}/compute as the office, timed to the response, `runs` times (compute is repeatable until frozen). */
export async function measureAssessment(c: Ctx, database: Database): Promise<void> {
  const route = '/api/v1/assessment-schemes/{id}/compute';
  if (!c.refs.closedSchemeId || !c.routes.has(route)) {
    skip(c, 'assessment computation', c.refs.closedSchemeId ? `${route} not in the API yet` : 'no closed scheme in the data (scale has no assessment)');
    return;
  }
  const scores = await countScores(database, c.refs);
  const session = await c.sessionOf('office');
  const n = c.runs ?? RUNS;
  c.log(`  ${c.engine} assessment computation (${scores} scores) × ${n}`);
  const seconds: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${c.server.baseUrl}/api/v1/assessment-schemes/${c.refs.closedSchemeId}/compute`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    const text = await res.text();
    if (res.status !== 200) {
      skip(c, 'assessment computation', `status ${res.status}: ${text.slice(0, 200)}`);
      return;
    }
    seconds.push((performance.now() - t0) / 1000);
  }
  c.result.timed.push({ name: 'assessment computation', engine: c.engine, seconds, rows: scores });
  const median = percentile(seconds, 50);
  addMeasure(c.result, {
    key: 'assessment computation', engine: c.engine, value: round(median), unit: 's',
    display: `${round(median)} s median of ${n} (first ${round(seconds[0])} s) for ${scores} scores`,
  });
}
