import fc from 'fast-check';
import { brokenJson, nastyString, nastyValue, pct, rawSegments, type JsonSchema, type SchemaGen } from './fuzz-arbitraries.js';

/** One operation of the OpenAPI document, in the form the fuzzer needs. */
export interface Operation {
  method: string;
  /** OpenAPI path, /api/v1/units/{id} */
  path: string;
  /** Fastify route, /api/v1/units/:id */
  route: string;
  body: JsonSchema | null;
  query: JsonSchema | null;
  pathParams: string[];
  multipart: boolean;
}

export function operationsOf(openapi: any): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries<any>(openapi.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(item)) {
      const params: any[] = op.parameters ?? [];
      const q = params.filter((x) => x.in === 'query');
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path: p,
        route: p.replace(/\{(\w+)\}/g, ':$1'),
        body: content['application/json']?.schema ?? null,
        query: q.length
          ? { type: 'object', properties: Object.fromEntries(q.map((x) => [x.name, x.schema ?? {}])), required: q.filter((x) => x.required).map((x) => x.name) }
          : null,
        pathParams: params.filter((x) => x.in === 'path').map((x) => x.name),
        multipart: !!content['multipart/form-data'] || (method === 'post' && /\/(import|attachments)$/.test(p)),
      });
    }
  }
  return ops;
}

function serializeQuery(v: unknown): string {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `q=${pct(String(JSON.stringify(v) ?? ''))}`;
  const parts: string[] = [];
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const values = Array.isArray(val) ? val : [val];
    for (const one of values) parts.push(`${pct(k)}=${pct(typeof one === 'string' ? one : (JSON.stringify(one) ?? ''))}`);
  }
  return parts.join('&');
}

function multipartBody(fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null, boundary = 'fuzzBoundary7MA4YWxk') {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(file.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

/** Generates requests for one operation: path, query, body and content type all fair game. */
export function requestArb(op: Operation, gen: SchemaGen, ctx: { entities: string[]; knownIds: string[] }): fc.Arbitrary<FuzzRequest> {
  const idArb = fc.oneof(
    { weight: 3, arbitrary: gen.valid({ type: 'string', format: 'uuid' }) as fc.Arbitrary<string> },
    { weight: 1, arbitrary: nastyString.map((s) => pct(s.slice(0, 300)) || 'x') },
    { weight: 1, arbitrary: fc.constantFrom(...rawSegments) },
  );
  const pathArb = fc.tuple(...(op.pathParams.length ? op.pathParams.map(() => idArb) : [fc.constant('')])).map((ids) => {
    let i = 0;
    return op.path.replace(/\{\w+\}/g, () => ids[i++]);
  });
  const queryArb: fc.Arbitrary<string> = op.query
    ? fc.oneof(
        { weight: 3, arbitrary: gen.mutated(op.query).map(serializeQuery) },
        { weight: 1, arbitrary: gen.valid(op.query).map(serializeQuery) },
        { weight: 1, arbitrary: fc.tuple(gen.valid(op.query).map(serializeQuery), fc.constantFrom(...rawSegments)).map(([q, raw]) => `${q}&${Object.keys(op.query!.properties)[0]}=${raw}`) },
        { weight: 1, arbitrary: gen.valid(op.query).map((v) => serializeQuery(v) + '&' + serializeQuery(v)) },
      )
    : fc.oneof(fc.constant(''), nastyString.map((s) => `x=${pct(s.slice(0, 200))}`));

  type Body = { payload?: string | Buffer; contentType?: string };
  let bodyArb: fc.Arbitrary<Body>;
  if (op.multipart) {
    const fileArb = fc.record({ name: nastyString.map((s) => s.slice(0, 120).replace(/["\r\n]/g, '_')), bytes: fc.uint8Array({ maxLength: 4000 }) });
    const fieldsArb = fc.record({
      entity: fc.oneof(fc.constantFrom(...ctx.entities), nastyString.map((s) => s.slice(0, 100))),
      entityId: ctx.knownIds.length ? fc.oneof(fc.uuid(), fc.constantFrom(...ctx.knownIds), nastyString.map((s) => s.slice(0, 100))) : fc.uuid(),
    });
    bodyArb = fc.oneof(
      fc.tuple(fieldsArb, fc.option(fileArb)).map(([f, file]) => multipartBody(f, file)).map((m) => ({ payload: m.payload, contentType: m.contentType })),
      fc.tuple(fieldsArb, fileArb).map(([f, file]) => ({ payload: multipartBody(f, file).payload, contentType: 'multipart/form-data; boundary=wrong' })),
      nastyValue.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
      fc.constant({}),
    );
  } else if (op.body) {
    bodyArb = fc.oneof(
      { weight: 6, arbitrary: gen.mutated(op.body).map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })) },
      { weight: 2, arbitrary: gen.valid(op.body).map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })) },
      { weight: 1, arbitrary: fc.constantFrom(...brokenJson).map((p) => ({ payload: p, contentType: 'application/json' })) },
      { weight: 1, arbitrary: fc.tuple(gen.valid(op.body), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data')).map(([v, ct]) => ({ payload: JSON.stringify(v) ?? '', contentType: ct })) },
      { weight: 1, arbitrary: fc.constant({}) },
    );
  } else {
    bodyArb = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: nastyValue.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })) });
  }
  return fc.tuple(pathArb, queryArb, bodyArb).map(([p, q, b]) => ({
    method: op.method,
    url: q ? `${p}?${q}` : p,
    headers: (b.contentType ? { 'content-type': b.contentType } : {}) as Record<string, string>,
    ...(b.payload !== undefined ? { payload: b.payload } : {}),
  }));
}
