import { describe, expect, it } from 'vitest';
import { daily, isoWeekOf, localParts, mondayOfIsoWeek, weekly } from './periods.js';

describe('periods', () => {
  it('reads wall-clock parts in the time zone', () => {
    // 2026-11-29 23:30 UTC is Monday 2026-11-30 07:30 in Shanghai
    const p = localParts(new Date('2026-11-29T23:30:00Z'), 'Asia/Shanghai');
    expect(p).toMatchObject({ year: 2026, month: 11, day: 30, hour: 7, minute: 30, weekday: 1 });
  });

  it('computes ISO weeks across year ends', () => {
    expect(isoWeekOf(2026, 11, 30)).toBe('2026-W49');
    expect(isoWeekOf(2021, 1, 3)).toBe('2020-W53');
    expect(isoWeekOf(2024, 12, 30)).toBe('2025-W01');
    expect(isoWeekOf(2026, 1, 1)).toBe('2026-W01');
    expect(mondayOfIsoWeek('2026-W49')).toBe('2026-11-30');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
  });

  it('makes the weekly job due from Monday 08:00 local time and for the rest of the week', () => {
    const mondayMorning = weekly(1, 8);
    expect(mondayMorning(new Date('2026-11-29T23:59:00Z'), 'Asia/Shanghai')).toBeNull(); // Mon 07:59
    expect(mondayMorning(new Date('2026-11-30T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-W49'); // Mon 08:00
    expect(mondayMorning(new Date('2026-12-02T03:00:00Z'), 'Asia/Shanghai')).toBe('2026-W49'); // missed run, Wednesday
    expect(mondayMorning(new Date('2026-11-30T00:00:00Z'), 'Europe/Berlin')).toBeNull(); // Mon 01:00 in Berlin
  });

  it('makes the daily job due from its hour', () => {
    const d = daily(8);
    expect(d(new Date('2026-11-28T23:00:00Z'), 'Asia/Shanghai')).toBeNull(); // 07:00
    expect(d(new Date('2026-11-29T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-29');
  });
});
