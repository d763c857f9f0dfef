/**
 * A tiny HTTP client for the process-level tests (and the crash writer): it
 * keeps the session cookie and CSRF token of one signed-in user, and can be
 * pointed at another server sharing the same database.
 */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Santong@2026';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export class ApiClient {
  cookie = '';
  csrf = '';

  constructor(public base: string) {}

  /** The same session against another server (several servers, one database). */
  at(base: string): ApiClient {
    const c = new ApiClient(base);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }

  /** Keeps cookies the server sets after login (e.g. the replica read-routing cookie) alongside the session. */
  private keepCookies(h: Headers) {
    for (const set of h.getSetCookie()) {
      const pair = set.split(';')[0];
      const name = pair.split('=')[0];
      if (name === 'st_session') continue; // login() owns the session cookie
      const others = this.cookie.split('; ').filter((c) => c && !c.startsWith(`${name}=`));
      this.cookie = [...others, pair].join('; ');
    }
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<ApiResponse> {
    const res = await this.req('POST', '/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('st_session='));
    if (!set) throw new Error(`login ${username}: no session cookie`);
    this.cookie = set.split(';')[0];
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }

  async req<T = any>(method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined = init.raw;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.base + path, { method, headers, body: payload });
    this.keepCookies(res.headers);
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        /* leave as text */
      }
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }
}
