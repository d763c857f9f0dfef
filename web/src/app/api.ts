import type { ErrorCode } from '@santong/contract';

/** Codes the client adds for failures that never reached the API's error shape. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

/** Every failed API call rejects with this: the server's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
/** The session's CSRF token, from login or GET /auth/me; sent on every unsafe request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Handler = (err: ApiError) => void;
let onUnauthorized: Handler = () => {
  if (window.location.pathname !== '/login') {
    const back = window.location.pathname + window.location.search;
    window.location.assign(`/login?redirect=${encodeURIComponent(back)}`);
  }
};
let onPasswordChangeRequired: Handler = () => window.location.assign('/change-password');

/** The auth provider replaces these with in-app navigation. */
export function setAuthHandlers(h: { unauthorized?: Handler; passwordChangeRequired?: Handler }) {
  if (h.unauthorized) onUnauthorized = h.unauthorized;
  if (h.passwordChangeRequired) onPasswordChangeRequired = h.passwordChangeRequired;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (login itself, the initial /me probe). */
  noAuthRedirect?: boolean;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (unsafe.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error)?.message ?? 'network error');
  }
  if (!res.ok) throw await toApiError(res, opts);
  return res;
}

async function toApiError(res: Response, opts: RequestOptions): Promise<ApiError> {
  type Body = { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
  let parsed: Body = null;
  try {
    parsed = (await res.json()) as Body;
  } catch {
    parsed = null;
  }
  const e = parsed?.error;
  const err = new ApiError(res.status, (e?.code as ErrorCode | undefined) ?? 'UNKNOWN', e?.message ?? res.statusText, e?.details ?? undefined);
  if (res.status === 401 && err.code !== 'INVALID_CREDENTIALS' && !opts.noAuthRedirect) onUnauthorized(err);
  if (err.code === 'PASSWORD_CHANGE_REQUIRED' && !opts.noAuthRedirect) onPasswordChangeRequired(err);
  return err;
}

async function request<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Reads a response body chunk by chunk, reporting the bytes received so far (streamed exports have no length). */
async function readWithProgress(res: Response, onProgress: (bytes: number) => void): Promise<Blob> {
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  return new Blob(parts as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
}

/** GET a file (xlsx export, template, report) with the session cookie and save it. */
async function download(path: string, query?: Query, fallbackName = 'download.xlsx', onProgress?: (bytes: number) => void): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = onProgress ? await readWithProgress(res, onProgress) : await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  /** multipart upload; the file goes in field `file`. */
  upload: <T>(path: string, file: Blob, fileName?: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request<T>('POST', path, { form });
  },
  download,
};
