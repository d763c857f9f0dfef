import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditHash, canonical } from './audit.repo.js';

const row = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  seq: 1,
  at: '2026-01-02T03:04:05.000Z',
  actorId: null,
  action: 'create',
  entity: 'unit',
  entityId: 'x',
  before: null,
  after: { name: '机电工程学院', code: 'JD-XY' },
};

describe('canonical', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonical({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('writes null for null and undefined, ISO strings for dates', () => {
    expect(canonical(null)).toBe('null');
    expect(canonical(undefined)).toBe('null');
    expect(canonical(new Date('2026-01-02T03:04:05Z'))).toBe('"2026-01-02T03:04:05.000Z"');
    expect(canonical([undefined])).toBe('[null]');
  });
  it('keeps Chinese text and escapes like JSON', () => {
    expect(canonical({ n: '三同"\n' })).toBe('{"n":"三同\\"\\n"}');
  });
  it('does not depend on key order and round-trips through JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const shuffled = JSON.parse(JSON.stringify(v), function (_k, val) {
          if (val && typeof val === 'object' && !Array.isArray(val)) return Object.fromEntries(Object.entries(val).reverse());
          return val;
        });
        expect(canonical(shuffled)).toBe(canonical(v));
        expect(canonical(JSON.parse(canonical(v)))).toBe(canonical(v));
      }),
    );
  });
});

describe('auditHash', () => {
  it('is a sha256 hex digest, stable for equal input', () => {
    const h = auditHash('0'.repeat(64), row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('0'.repeat(64), { ...row, after: { code: 'JD-XY', name: '机电工程学院' } })).toBe(h);
  });
  it('changes with the previous hash and with any field', () => {
    const h = auditHash('0'.repeat(64), row);
    expect(auditHash('1'.repeat(64), row)).not.toBe(h);
    expect(auditHash('0'.repeat(64), { ...row, seq: 2 })).not.toBe(h);
    expect(auditHash('0'.repeat(64), { ...row, after: { ...row.after, name: '机电学院' } })).not.toBe(h);
    expect(auditHash('0'.repeat(64), { ...row, actorId: row.tenantId })).not.toBe(h);
  });
});
