import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendanceOf, attendanceRate } from './study.rules.js';

describe('attendanceRate', () => {
  it('is 0 for an empty list', () => {
    expect(attendanceRate(0, 0)).toBe(0);
  });
  it('divides came by listed, rounded to 4 places', () => {
    expect(attendanceRate(2, 3)).toBe(0.6667);
    expect(attendanceRate(25, 25)).toBe(1);
    expect(attendanceRate(0, 12)).toBe(0);
  });
  it('stays within 0..1', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (a, n) => {
        const r = attendanceRate(a, n);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('attendanceOf', () => {
  it('counts listed and attended people', () => {
    expect(attendanceOf([{ attended: true }, { attended: false }, { attended: true }, { attended: true }])).toEqual({
      attendeeCount: 4,
      attendedCount: 3,
      attendanceRate: 0.75,
    });
  });
});
