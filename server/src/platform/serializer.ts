import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialization. zod's encode validates every field of every response
 * (uuid and date regexes included) before JSON.stringify: on a 3 MB dispatch sheet
 * that was most of the request's time. Production uses a compiled projection
 * instead: it keeps exactly the keys the response schema declares, in its order
 * (unknown keys are stripped as zod strips them, so a presenter returning a
 * stray column cannot leak it), without checking values. Development and tests
 * keep zod's validation AND check, on every response, that the projection gives
 * the same JSON, so contract drift and a projection bug both fail a test.
 */
type Project = (value: unknown) => unknown;

const identity: Project = (v) => v;
const plans = new WeakMap<z.ZodType, Project>();

/** Schemas the projection does not model (unions, pipes, transforms…) are encoded by zod itself. */
const viaZod = (schema: z.ZodType): Project => (v) => z.encode(schema, v as never);

/** A string check that rewrites the value (trim, case): zod applies it on encode too. */
const rewrites = (schema: z.ZodType) =>
  ((schema._zod.def as { checks?: { _zod: { def: { check: string } } }[] }).checks ?? []).some((c) => c._zod.def.check === 'overwrite');

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectPlan(schema: z.ZodType, def: z.core.$ZodObjectDef): Project {
  const keys = Object.keys(def.shape);
  const fields = keys.map((k) => planOf(def.shape[k] as z.ZodType));
  const rest = (def.catchall as z.ZodType | undefined)?._zod.def.type;
  // loose objects keep unknown keys; strict ones (never) are stripped here: zod would refuse them, a test would fail
  const keepRest = rest === 'unknown' || rest === 'any';
  if (rest && !keepRest && rest !== 'never') return viaZod(schema);
  return (v) => {
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = v[k];
      if (x !== undefined) out[k] = fields[i](x);
    }
    if (keepRest) for (const k of Object.keys(v)) if (!(k in def.shape) && v[k] !== undefined) out[k] = v[k];
    return out;
  };
}

function build(schema: z.ZodType): Project {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'string':
      return rewrites(schema) ? viaZod(schema) : identity;
    case 'number':
    case 'int':
    case 'boolean':
    case 'bigint':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'unknown':
    case 'any':
    case 'date':
    case 'nan':
    case 'template_literal':
      return identity;
    case 'object':
      return objectPlan(schema, def as unknown as z.core.$ZodObjectDef);
    case 'array': {
      const item = planOf(def.element as z.ZodType);
      if (item === identity) return (v) => v;
      return (v) => (Array.isArray(v) ? v.map((x) => item(x)) : v);
    }
    case 'record': {
      const value = planOf(def.valueType as z.ZodType);
      const keyPlan = planOf(def.keyType as z.ZodType);
      if (keyPlan !== identity) return viaZod(schema);
      return (v) => {
        if (!isPlainObject(v)) return v;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = value(v[k]);
        return out;
      };
    }
    case 'nullable':
    case 'optional': {
      const inner = planOf(def.innerType as z.ZodType);
      return (v) => (v === null || v === undefined ? v : inner(v));
    }
    // encode does not apply defaults (they are for decoding)
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return planOf(def.innerType as z.ZodType);
    default:
      return viaZod(schema);
  }
}

function planOf(schema: z.ZodType): Project {
  let plan = plans.get(schema);
  if (!plan) {
    // a placeholder first, so a schema that contains itself ends its recursion through zod
    plans.set(schema, viaZod(schema));
    plan = build(schema);
    plans.set(schema, plan);
  }
  return plan;
}

/** JSON of a response, shaped by its schema without validating it. */
export const fastSerialize = (schema: z.ZodType, data: unknown): string => JSON.stringify(planOf(schema)(data));

/** As fastify-type-provider-zod resolves a route's response schema. */
function resolve(s: unknown): z.ZodType {
  if (s instanceof z.core.$ZodType) return s as z.ZodType;
  const p = (s as { properties?: unknown }).properties;
  if (p instanceof z.core.$ZodType) return p as z.ZodType;
  throw new InvalidSchemaError(JSON.stringify(s));
}

/**
 * `validate` (development, tests): zod validation as before, plus the check that
 * production would send the same JSON. Otherwise the compiled projection alone.
 */
export function responseSerializerCompiler(validate: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema: maybeSchema, method, url }) => {
    const schema = resolve(maybeSchema);
    const plan = planOf(schema);
    if (!validate) {
      return (data) => {
        try {
          return JSON.stringify(plan(data));
        } catch (cause) {
          throw new ResponseSerializationError(method, url, { cause: cause instanceof z.ZodError ? cause : problem(String(cause)) });
        }
      };
    }
    return (data) => {
      const result = z.safeEncode(schema, data as never);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      const json = JSON.stringify(result.data);
      const fast = JSON.stringify(plan(data));
      if (fast !== json) {
        throw new ResponseSerializationError(method, url, { cause: problem(`the production serializer differs from zod's output ${firstDifference(fast, json)}`) });
      }
      return json;
    };
  };
}

const problem = (message: string) => new z.ZodError([{ code: 'custom', message, path: [], input: undefined }]);

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}
