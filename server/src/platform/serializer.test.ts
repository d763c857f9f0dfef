import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatchSheetResponse, user as userSchema } from '@santong/contract';
import { fastSerialize, responseSerializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType, validate: boolean) => responseSerializerCompiler(validate)({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

const person = z.object({ id: z.string(), name: z.string(), note: z.string().nullable(), tags: z.array(z.string()).optional() });
const page = z.object({
  items: z.array(person),
  owner: person.nullable(),
  byKey: z.record(z.string(), person),
  loose: z.looseObject({ a: z.number() }),
  total: z.number().int(),
});

describe('response serializer', () => {
  const row = { passwordHash: '$argon2id$x', name: '张三', id: 'p1', note: null, tokenHash: 'abc' };
  const data = { total: 1, items: [row], owner: row, byKey: { k: row }, loose: { a: 1, extra: true }, secret: 's' };

  it('keeps only the declared keys, at every depth, in the schema order, as zod does', () => {
    const json = fastSerialize(page, data);
    expect(json).toBe(JSON.stringify(z.encode(page, data as never)));
    expect(json).not.toMatch(/argon2|passwordHash|tokenHash|secret/);
    expect(json.startsWith('{"items":[{"id":"p1","name":"张三","note":null}]')).toBe(true);
    expect(JSON.parse(json).loose).toEqual({ a: 1, extra: true });
  });

  it('drops undefined keys and keeps null, as zod does', () => {
    const v = { id: 'a', name: 'b', note: null, tags: undefined };
    expect(fastSerialize(person, v)).toBe(JSON.stringify(z.encode(person, v)));
  });

  it('leaves what it does not model (unions, trimming) to zod', () => {
    const s = z.object({ v: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]), t: z.string().trim() });
    const v = { v: { a: 'x', hidden: 1 }, t: ' 空格 ', hidden: 2 };
    expect(fastSerialize(s, v)).toBe(JSON.stringify(z.encode(s, v as never)));
    expect(fastSerialize(s, v)).toBe('{"v":{"a":"x"},"t":"空格"}');
  });

  it('matches zod on real contract schemas: a user never carries its hash', () => {
    const u = {
      passwordHash: '$argon2id$secret', id: '00000000-0000-4000-8000-000000000001', username: 'office', displayName: '党委办公室', roles: ['office'],
      personId: null, status: 'active', mustChangePassword: false, lockedUntil: null, lastLoginAt: null, version: 1, totpSecret: 'JBSWY3DP', createdAt: '2026-01-01T00:00:00.000Z',
    };
    const zodJson = JSON.stringify(z.encode(userSchema, u as never));
    expect(fastSerialize(userSchema, u)).toBe(zodJson);
    expect(zodJson).not.toMatch(/argon2|JBSWY3DP/);
    const sheet = {
      sheet: {
        campaignId: u.id, campaignTitle: '专项', isoWeek: '2026-W45', monday: '2026-11-02', generatedAt: '2026-11-02T00:00:00.000Z',
        counts: { tasks: 0, overdue: 0, dueSoon: 0, red: 0, stale: 0, followUps: 0, followUpsOverdue: 0 },
        tasks: [], followUps: [], byUnit: [], byLeader: [], extra: 'x',
      },
      meeting: null,
    };
    expect(fastSerialize(dispatchSheetResponse, sheet)).toBe(JSON.stringify(z.encode(dispatchSheetResponse, sheet as never)));
  });

  it('validating mode: zod errors stay errors, and the JSON is zod\'s', () => {
    const checked = compile(person, true);
    expect(checked({ id: 'a', name: 'b', note: null, x: 1 })).toBe('{"id":"a","name":"b","note":null}');
    expect(() => checked({ id: 'a', name: 1, note: null })).toThrow(/doesn't match the schema/);
  });

  it('production mode does not validate values, but still strips', () => {
    const fast = compile(person, false);
    expect(fast({ id: 'a', name: 1, note: null, passwordHash: 'h' })).toBe('{"id":"a","name":1,"note":null}');
  });
});
