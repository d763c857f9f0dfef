import { describe, expect, it } from 'vitest';
import { dayStart, fusionRatio, isFused, ragStatus, todayIn, utcDayStart } from './task.rules.js';

const task = (o: Partial<Parameters<typeof ragStatus>[0]> = {}) => ({
  status: 'in_progress',
  progress: 50,
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  lastReportAt: new Date('2026-06-25T08:00:00Z'),
  ...o,
});

describe('ragStatus', () => {
  it('is red when overdue', () => {
    expect(ragStatus(task({ dueDate: '2026-06-30', progress: 95 }), '2026-07-01')).toBe('red');
  });
  it('is not red on the due date itself', () => {
    expect(ragStatus(task({ dueDate: '2026-07-01', progress: 95 }), '2026-07-01')).toBe('green');
  });
  it('is red when progress trails elapsed time by 30 points or more', () => {
    // 2026-01-01 → 2026-12-31, on 2026-07-01 about 49.6% elapsed
    expect(ragStatus(task({ progress: 19 }), '2026-07-01')).toBe('red');
    expect(ragStatus(task({ progress: 20 }), '2026-07-01')).toBe('green');
  });
  it('is amber when due within 7 days below 80%', () => {
    const t = task({ startDate: '2026-06-01', dueDate: '2026-07-08', progress: 79 });
    expect(ragStatus(t, '2026-07-01')).toBe('amber');
    expect(ragStatus({ ...t, progress: 80 }, '2026-07-01')).toBe('green');
    expect(ragStatus({ ...t, dueDate: '2026-07-09' }, '2026-07-01')).toBe('green');
  });
  it('is amber with no report for 14 days, counting from the start when never reported', () => {
    expect(ragStatus(task({ lastReportAt: new Date('2026-06-17T10:00:00Z') }), '2026-07-01')).toBe('amber');
    expect(ragStatus(task({ lastReportAt: new Date('2026-06-18T10:00:00Z') }), '2026-07-01')).toBe('green');
    expect(ragStatus(task({ startDate: '2026-06-20', lastReportAt: null, progress: 0 }), '2026-07-01')).toBe('green');
    expect(ragStatus(task({ startDate: '2026-06-17', lastReportAt: null, progress: 5 }), '2026-07-01')).toBe('amber');
  });
  it('gives done and cancelled tasks no colour', () => {
    expect(ragStatus(task({ status: 'done', dueDate: '2026-01-02' }), '2026-07-01')).toBe('none');
    expect(ragStatus(task({ status: 'cancelled' }), '2026-07-01')).toBe('none');
  });
  it('follows tenant thresholds', () => {
    const s = { dueSoonDays: 3, dueSoonProgress: 50, staleDays: 30, behindPoints: 60 };
    expect(ragStatus(task({ progress: 10, lastReportAt: new Date('2026-06-10T00:00:00Z') }), '2026-07-01', s)).toBe('green');
  });
});

describe('fusionRatio', () => {
  it('counts tasks linked to both tracks, plain and weighted', () => {
    const r = fusionRatio([
      { weight: 3, tracks: ['party', 'business'] },
      { weight: 1, tracks: ['party'] },
      { weight: 1, tracks: ['business', 'business'] },
      { weight: 5, tracks: [] },
      { weight: 9, tracks: ['party', 'business'], status: 'cancelled' },
    ]);
    expect(r).toEqual({ total: 4, fused: 1, ratio: 0.25, weightedRatio: 0.3 });
  });
  it('is zero for no tasks', () => {
    expect(fusionRatio([])).toEqual({ total: 0, fused: 0, ratio: 0, weightedRatio: 0 });
  });
  it('isFused needs both tracks', () => {
    expect(isFused(['party'])).toBe(false);
    expect(isFused(['business', 'party'])).toBe(true);
  });
});

describe('todayIn', () => {
  it('uses the tenant time zone', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
    expect(todayIn('UTC', new Date('2026-06-30T17:00:00Z'))).toBe('2026-06-30');
  });
});

describe('dayStart', () => {
  it('is Date.parse of midnight UTC for every day from 1899 to 2201, without parsing', () => {
    const DAY = 86_400_000;
    for (let t = Date.UTC(1899, 0, 1); t < Date.UTC(2201, 0, 1); t += DAY) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (dayStart(iso) !== t) expect(dayStart(iso), iso).toBe(t);
    }
    expect(dayStart('2026-11-02T08:00:00Z')).toBe(Date.parse('2026-11-02T08:00:00ZT00:00:00Z'));
  });
  it('utcDayStart drops the time of day', () => {
    expect(utcDayStart(new Date('2026-11-02T23:59:59.999Z'))).toBe(Date.UTC(2026, 10, 2));
    expect(utcDayStart(new Date('1969-12-31T12:00:00Z'))).toBe(Date.UTC(1969, 11, 31));
  });
});
