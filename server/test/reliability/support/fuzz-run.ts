import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { hasPermission, type Permission, type Role } from '@santong/contract';
import type { RouteInfo } from '../../../src/app.js';
import { attachmentEntities } from '../../../src/platform/files/attachments.js';
import { SchemaGen } from './fuzz-arbitraries.js';
import { operationsOf, requestArb, type FuzzRequest, type Operation } from './fuzz-requests.js';

/**
 * The fuzzing loop, free of vitest so that it also runs in forked workers
 * (one app and one embedded database each: the two cores fuzz at once).
 */
export interface FuzzJob {
  seed: number;
  target: number;
  budgetMs: number;
  only?: string;
  password: string;
}

export interface Failure {
  op: string;
  request: { method: string; url: string; payload?: string };
  status: number;
  body: string;
}

export interface FuzzOutcome {
  sent: number;
  operations: number;
  byStatus: Record<number, number>;
  failures: Failure[];
  /** The failing requests in full (bodies base64), for reproduction. */
  failedRequests: unknown[];
  genMs: number;
  spent: Record<string, number>;
}

/** Password hashing makes these slow on purpose; a sample is enough. */
const ARGON_ROUTES = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/password', 'POST /api/v1/users', 'POST /api/v1/users/{id}/reset-password']);
/** Would end the fuzzer's own session; covered by the auth tests. */
const SKIP = new Set(['POST /api/v1/auth/logout']);
const DEMO_USERS: Record<Role, string> = { office: 'office', admin: 'admin', leader: 'leader', unit_head: 'unithead', liaison: 'liaison', inspector: 'inspector', member: 'member', auditor: 'auditor', security: 'security' };
const ROLE_ORDER: Role[] = ['office', 'admin', 'auditor', 'security', 'leader', 'unit_head', 'liaison', 'inspector', 'member'];
const KNOWN_ID_TABLES = ['units', 'people', 'leader_duties', 'campaigns', 'documents', 'goals', 'tasks', 'study_sessions', 'research_topics', 'lectures'];

export const isErrorShape = (body: string) => {
  try {
    const e = JSON.parse(body).error;
    return !!e && typeof e.code === 'string' && typeof e.message === 'string';
  } catch {
    return false;
  }
};

type Query = (text: string) => Promise<Record<string, unknown>[]>;
interface Session {
  headers: Record<string, string>;
}

/** Signs in the demo users a route needs, lazily, and again after a fuzzed request ended a session. */
function sessionsFor(app: FastifyInstance, routes: RouteInfo[], password: string) {
  const sessions = new Map<Role, Session>();
  const login = async (username: string): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = `st_session=${res.cookies.find((c) => c.name === 'st_session')!.value}`;
    return { headers: { cookie, 'x-csrf-token': res.json().csrfToken } };
  };
  return {
    isPublic: (op: Operation) => !!routes.find((r) => r.method === op.method && r.url === op.route)?.public,
    clear: () => sessions.clear(),
    async get(op: Operation): Promise<Session | null> {
      const route = routes.find((r) => r.method === op.method && r.url === op.route);
      if (!route || route.public) return null;
      const need = route.permission;
      const role = ROLE_ORDER.find((r) => need === 'authenticated' || (need && hasPermission([r], need as Permission))) ?? 'office';
      if (!sessions.has(role)) sessions.set(role, await login(DEMO_USERS[role]));
      return sessions.get(role)!;
    },
  };
}

/** Round-robin over every operation (so a time cut leaves the routes equally covered) until the target or the budget. */
export async function runFuzz(app: FastifyInstance, routes: RouteInfo[], query: Query, job: FuzzJob): Promise<FuzzOutcome> {
  const openapi = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  // Real ids make some requests reach the services; users are left out so the fuzzer cannot lock itself out.
  const knownIds: string[] = [];
  for (const table of KNOWN_ID_TABLES) knownIds.push(...(await query(`select id::text as id from ${table} order by id limit 4`).catch(() => [])).map((r) => String(r.id)));
  const gen = new SchemaGen(openapi.components?.schemas ?? {}, knownIds);
  const only = job.only ? new RegExp(job.only) : null;
  const ops = operationsOf(openapi).filter((o) => !SKIP.has(`${o.method} ${o.path}`) && (!only || only.test(`${o.method} ${o.path}`)));
  const ctx = { entities: attachmentEntities().length ? attachmentEntities() : ['document'], knownIds };
  const arbs = ops.map((op) => requestArb(op, gen, ctx));
  const cap = (op: Operation) => (ARGON_ROUTES.has(`${op.method} ${op.path}`) ? 25 : /\/(export|template)$/.test(op.path) ? 40 : Infinity);
  const sessions = sessionsFor(app, routes, job.password);
  const out: FuzzOutcome = { sent: 0, operations: ops.length, byStatus: {}, failures: [], failedRequests: [], genMs: 0, spent: {} };
  const started = Date.now();
  for (let round = 0; out.sent < job.target && Date.now() - started < job.budgetMs; round++) {
    for (const [i, op] of ops.entries()) {
      if (round >= cap(op) || out.sent >= job.target) continue;
      const g0 = performance.now();
      const [req] = fc.sample(arbs[i], { numRuns: 1, seed: (job.seed + i * 7919 + round * 104729) % 2 ** 31 });
      out.genMs += performance.now() - g0;
      const t0 = performance.now();
      const res = await send(app, sessions, op, req);
      const key = `${op.method} ${op.path}`;
      out.spent[key] = (out.spent[key] ?? 0) + performance.now() - t0;
      out.sent++;
      out.byStatus[res.statusCode] = (out.byStatus[res.statusCode] ?? 0) + 1;
      if ((res.statusCode >= 500 || (res.statusCode >= 400 && !isErrorShape(res.body))) && out.failures.length < 50) record(out, key, req, res);
    }
  }
  return out;
}

/** One request; a response that breaks off half-way counts as a 599. */
async function send(app: FastifyInstance, sessions: ReturnType<typeof sessionsFor>, op: Operation, req: FuzzRequest) {
  const once = async () => {
    try {
      const session = await sessions.get(op);
      return await app.inject({ method: req.method as never, url: req.url, payload: req.payload, headers: { ...(session?.headers ?? {}), ...req.headers } });
    } catch (err) {
      return { statusCode: 599, body: `aborted: ${(err as Error).message}` };
    }
  };
  const res = await once();
  if (res.statusCode !== 401 || sessions.isPublic(op)) return res;
  // A fuzzed request may legitimately end a session (e.g. a password change): sign in again.
  sessions.clear();
  return once();
}

function record(out: FuzzOutcome, key: string, req: FuzzRequest, res: { statusCode: number; body: string }) {
  const payload = typeof req.payload === 'string' ? req.payload.slice(0, 300) : req.payload ? `<${req.payload.length} bytes>` : undefined;
  out.failedRequests.push({ ...req, payload: req.payload === undefined ? undefined : Buffer.from(req.payload).toString('base64') });
  out.failures.push({ op: key, request: { method: req.method, url: req.url.slice(0, 300), payload }, status: res.statusCode, body: res.body.slice(0, 300) });
}
