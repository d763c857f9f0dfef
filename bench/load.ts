import http from 'node:http';
import autocannon from 'autocannon';
import { BENCH_PASSWORD } from './gen/scale.js';
import type { EndpointSpec, Refs } from './endpoints.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface LoadResult {
  connections: number;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  /** non-2xx responses, errors and timeouts together: a run with failures is not a measurement */
  failures: number;
  seconds: number;
}

/** Signs a bench user in through the API. */
export async function signIn(baseUrl: string, username: string, tenantCode: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD, tenant: tenantCode }),
  });
  if (res.status !== 200) throw new Error(`login ${username}@${tenantCode} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('st_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export function requestOf(spec: EndpointSpec, refs: Refs, session: Session | null) {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && spec.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  const body = spec.body ? JSON.stringify(spec.body(refs)) : undefined;
  if (body) headers['content-type'] = 'application/json';
  return { method: spec.method, path: spec.url(refs), headers, body };
}

/** One request before the load, so a 4xx/5xx shows up as a note instead of a fast-failing benchmark. */
export async function preflight(baseUrl: string, spec: EndpointSpec, refs: Refs, session: Session | null): Promise<{ status: number; bytes: number; text: string }> {
  const req = requestOf(spec, refs, session);
  const res = await fetch(baseUrl + req.path, { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), text: text.slice(0, 300) };
}

/** autocannon against 127.0.0.1 for a bounded time. Latencies in ms. */
export async function runLoad(baseUrl: string, spec: EndpointSpec, refs: Refs, session: Session | null, connections: number, seconds: number): Promise<LoadResult> {
  const req = requestOf(spec, refs, session);
  const o = { url: baseUrl + req.path, method: req.method, headers: req.headers, body: req.body, connections, duration: seconds, timeout: 30 };
  let r = await autocannon(o);
  // Inside a worker thread (vitest) autocannon returns the raw result unaggregated.
  if (!r.latency) r = autocannon.aggregateResult([r], o);
  return {
    connections,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // requests.average needs whole 1 s samples; total / duration also works for short runs
    rps: r.duration > 0 ? r.requests.total / r.duration : 0,
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
    seconds,
  };
}

/**
 * Sequential requests on one keep-alive connection, timed in µs: autocannon
 * rounds latencies to whole ms, too coarse for the overhead ratio of fast endpoints.
 */
export function sequentialClient(baseUrl: string, spec: EndpointSpec, refs: Refs, session: Session | null) {
  const req = requestOf(spec, refs, session);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(baseUrl);
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const r = http.request({ agent, hostname, port, path: req.path, method: req.method, headers: req.headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode && res.statusCode < 300 ? resolve(performance.now() - t0) : reject(new Error(`status ${res.statusCode}`))));
      });
      r.on('error', reject);
      r.end(req.body);
    });
  return { once, close: () => agent.destroy() };
}
