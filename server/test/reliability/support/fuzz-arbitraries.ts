import fc from 'fast-check';

/**
 * Request generators driven by the OpenAPI document (which the server builds
 * from the zod contracts): a roughly valid value for every schema, and the
 * nasty values a client can send instead.
 */
export type JsonSchema = Record<string, any>;

/** Strings that have broken servers before: injection, markup, odd unicode, path tricks. */
export const nastyStrings = [
  "' OR '1'='1",
  "'; DROP TABLE units; --",
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\u202Eevil\u202C.exe',
  'مرحبا بالعالم',
  'שלום',
  '\u200B\u200D\uFEFF',
  '𠀀𠀁𪜀 𝌆 🏳️‍🌈 👨‍👩‍👧‍👦',
  'é vs é',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '\\',
  '\r\n\r\nX-Injected: 1',
  'NaN',
  '-0',
  '1e309',
  '',
  ' ',
  '\t\n',
  '__proto__',
  'constructor',
  'null',
  'true',
  '9999999999999999999999999',
];

export const nastyNumbers = [-1, 0, -0, 0.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE];

const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: codeUnits },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 20_000 }).map((n) => '长'.repeat(n)) },
  { weight: 1, arbitrary: fc.constant(1_100_000).map((n) => 'x'.repeat(n)) },
);

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

export const deepNesting = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([d, arr]) => nest(d, 'x', arr));

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $ne: null }, JSON.parse('{"__proto__":{"polluted":1}}')) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

const DATES = { min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true };
const textUnit = fc.oneof(fc.constantFrom(...'三同党建学院支部abcXYZ019 -_'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Values for the JSON schemas of one OpenAPI document ($refs resolved against its components). */
export class SchemaGen {
  private readonly uuid: fc.Arbitrary<string>;

  constructor(
    private readonly components: Record<string, JsonSchema>,
    knownIds: string[],
  ) {
    this.uuid = knownIds.length ? fc.oneof(fc.uuid(), fc.constantFrom(...knownIds)) : fc.uuid();
  }

  deref(s: JsonSchema): JsonSchema {
    return s?.$ref ? this.deref(this.components[String(s.$ref).split('/').pop()!]) : (s ?? {});
  }

  private str(s: JsonSchema): fc.Arbitrary<string> {
    const min = s.minLength ?? 0;
    const max = Math.max(min, Math.min(s.maxLength ?? 40, 80));
    if (s.format === 'uuid') return this.uuid;
    if (s.format === 'date') return fc.date(DATES).map((d) => d.toISOString().slice(0, 10));
    if (s.format === 'date-time') return fc.date(DATES).map((d) => d.toISOString());
    if (s.format === 'email') return fc.emailAddress().map((e) => e.slice(0, max));
    if (s.pattern) {
      try {
        return fc.stringMatching(new RegExp(s.pattern)).map((x) => (x.length > max ? x.slice(0, max) : x));
      } catch {
        /* a pattern JS cannot compile: plain strings */
      }
    }
    return fc.string({ minLength: min, maxLength: max, unit: textUnit });
  }

  private num(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
    const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -1000;
    const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : Math.max(min + 1000, 1000);
    const lo = Math.max(min, -1e9);
    const hi = Math.min(max, 1e9);
    return integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  }

  /** A value the schema accepts (mostly: patterns and formats are approximated). */
  valid(s0: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.deref(s0);
    if (depth > 5) return fc.constant(null);
    let arb: fc.Arbitrary<unknown>;
    const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
    if (s.const !== undefined) arb = fc.constant(s.const);
    else if (s.enum) arb = fc.constantFrom(...s.enum);
    else if (s.anyOf || s.oneOf) arb = fc.oneof(...(s.anyOf ?? s.oneOf).map((x: JsonSchema) => this.valid(x, depth + 1)));
    else if (s.allOf) arb = this.valid(Object.assign({}, ...s.allOf.map((x: JsonSchema) => this.deref(x))), depth);
    else if (type === 'string') arb = this.str(s);
    else if (type === 'integer' || type === 'number') arb = this.num(s, type === 'integer');
    else if (type === 'boolean') arb = fc.boolean();
    else if (type === 'array') arb = fc.array(this.valid(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    else if (type === 'object' || s.properties) {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.valid(v as JsonSchema, depth + 1)]));
      arb = fc.record(model, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    } else arb = fc.jsonValue({ maxDepth: 2 });
    if (s.nullable || (Array.isArray(s.type) && s.type.includes('null'))) arb = fc.oneof(arb, fc.constant(null));
    return arb;
  }

  /** A valid value, then one of the ways a client gets it wrong: a field replaced, dropped or added. */
  mutated(s0: JsonSchema): fc.Arbitrary<unknown> {
    const s = this.deref(s0);
    const base = this.valid(s);
    const keys = Object.keys(s.properties ?? {});
    const options: fc.Arbitrary<unknown>[] = [base, nastyValue];
    if (keys.length) {
      const replaced = fc.tuple(base, fc.constantFrom(...keys), nastyValue).map(([v, k, bad]) => ({ ...asObject(v), [k]: bad }));
      const dropped = fc.tuple(base, fc.constantFrom(...keys)).map(([v, k]) => Object.fromEntries(Object.entries(asObject(v)).filter(([key]) => key !== k)));
      const added = fc.tuple(base, nastyString, nastyValue).map(([v, k, bad]) => ({ ...asObject(v), [k.slice(0, 50) || 'extra']: bad }));
      options.push(replaced, replaced, dropped, added);
    }
    return fc.oneof(...options);
  }
}

/** Percent-encodes any JS string as UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send). */
export const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');

/** Raw, partly malformed percent sequences for paths and query strings. */
export const rawSegments = ['%ED%A0%80', '%FF%FE', '%', '%zz', '%00', '..%2F..%2Fetc%2Fpasswd', '%C0%AE%C0%AE', '%E2%80%AE', 'a%20b', '%25'];

/** Bodies that are not even JSON, sent as application/json. */
export const brokenJson = ['{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{"a":1,"a":2}', '1e999999', '[' .repeat(5000)];
