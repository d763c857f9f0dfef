import { describe, expect, it } from 'vitest';
import { childrenOutside, dateProblems, isUnsignedOverdue, makesCycle, parentsFirst } from './task.tree.js';
import { addDays, isoWeekKey, periodKey, periodsBetween } from './task.recurrence.js';

describe('makesCycle', () => {
  it('refuses a move under the task itself or one of its descendants', () => {
    // chain root → a → b; moving a under b: b's ancestors are [b, a, root]
    expect(makesCycle('a', ['b', 'a', 'root'])).toBe(true);
    expect(makesCycle('a', ['a'])).toBe(true);
    expect(makesCycle('b', ['root'])).toBe(false);
  });
});

describe('dateProblems', () => {
  const parent = { startDate: '2026-03-01', dueDate: '2026-06-30' };
  it('accepts a subtask inside its parent, boundaries included', () => {
    expect(dateProblems({ startDate: '2026-03-01', dueDate: '2026-06-30' }, parent)).toEqual([]);
  });
  it('names the field that leaves the parent', () => {
    expect(dateProblems({ startDate: '2026-02-28', dueDate: '2026-04-01' }, parent).map((p) => p.field)).toEqual(['startDate']);
    expect(dateProblems({ startDate: '2026-04-01', dueDate: '2026-07-01' }, parent).map((p) => p.field)).toEqual(['dueDate']);
  });
  it('refuses a due date before the start', () => {
    expect(dateProblems({ startDate: '2026-05-02', dueDate: '2026-05-01' }, null)).toEqual([{ field: 'dueDate', message: 'due date is before the start date' }]);
  });
});

describe('childrenOutside', () => {
  it('reports a parent shrinking past its children', () => {
    const kids = [{ startDate: '2026-03-10', dueDate: '2026-04-01' }, { startDate: '2026-03-20', dueDate: '2026-05-15' }];
    expect(childrenOutside({ startDate: '2026-03-10', dueDate: '2026-05-15' }, kids)).toEqual([]);
    expect(childrenOutside({ startDate: '2026-03-11', dueDate: '2026-05-14' }, kids).map((p) => p.field)).toEqual(['startDate', 'dueDate']);
    expect(childrenOutside({ startDate: '2026-01-01', dueDate: '2026-01-02' }, [])).toEqual([]);
  });
});

describe('parentsFirst', () => {
  it('orders children after parents and reports loops', () => {
    const rows = [
      { k: 'c', p: 'b' },
      { k: 'b', p: 'a' },
      { k: 'a', p: null },
      { k: 'x', p: 'y' },
      { k: 'y', p: 'x' },
    ];
    const { ordered, stuck } = parentsFirst(rows, (r) => r.k, (r) => r.p);
    expect(ordered.map((r) => r.k)).toEqual(['a', 'b', 'c']);
    expect(stuck.map((r) => r.k).sort()).toEqual(['x', 'y']);
  });
});

describe('isUnsignedOverdue', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('flags tasks issued more than two days ago and not signed', () => {
    expect(isUnsignedOverdue(new Date('2026-11-26T11:59:00Z'), null, now)).toBe(true);
    expect(isUnsignedOverdue(new Date('2026-11-26T12:01:00Z'), null, now)).toBe(false);
    expect(isUnsignedOverdue(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-27T00:00:00Z'), now)).toBe(false);
    expect(isUnsignedOverdue(null, null, now)).toBe(false);
  });
});

describe('recurrence periods', () => {
  it('keys months and ISO weeks', () => {
    expect(periodKey('2026-07-15', 'monthly')).toBe('2026-07');
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53'); // a Friday: week of 2026
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01'); // a Monday in week 1 of 2025
    expect(isoWeekKey('2026-11-28')).toBe('2026-W48');
  });
  it('clips months to the range', () => {
    expect(periodsBetween('2026-01-15', '2026-03-10', 'monthly')).toEqual([
      { key: '2026-01', startDate: '2026-01-15', dueDate: '2026-01-31' },
      { key: '2026-02', startDate: '2026-02-01', dueDate: '2026-02-28' },
      { key: '2026-03', startDate: '2026-03-01', dueDate: '2026-03-10' },
    ]);
  });
  it('walks Monday-to-Sunday weeks', () => {
    const weeks = periodsBetween('2026-11-25', '2026-12-09', 'weekly');
    expect(weeks.map((w) => w.key)).toEqual(['2026-W48', '2026-W49', '2026-W50']);
    expect(weeks[0]).toEqual({ key: '2026-W48', startDate: '2026-11-25', dueDate: '2026-11-29' });
    expect(weeks[1]).toEqual({ key: '2026-W49', startDate: '2026-11-30', dueDate: '2026-12-06' });
  });
  it('is empty for an empty range and adds days', () => {
    expect(periodsBetween('2026-05-02', '2026-05-01', 'monthly')).toEqual([]);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
