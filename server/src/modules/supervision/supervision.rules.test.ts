import { describe, expect, it } from 'vitest';
import { appliesTo, checkedOnFits, defaultRectificationDue, needsRectification, passRate, rectificationSource, rectificationTitleFor } from './supervision.rules.js';

describe('supervision rules', () => {
  it('opens rectification for partial and fail only', () => {
    expect(needsRectification('pass')).toBe(false);
    expect(needsRectification('partial')).toBe(true);
    expect(needsRectification('fail')).toBe(true);
  });

  it('applies an indicator to the kinds it names, or to every unit when it names none', () => {
    expect(appliesTo(['college'], 'college')).toBe(true);
    expect(appliesTo(['college'], 'department')).toBe(false);
    expect(appliesTo([], 'branch')).toBe(true);
  });

  it('dates the rectification 30 days after the later of the check and today', () => {
    expect(defaultRectificationDue('2026-11-03', '2026-11-28')).toBe('2026-12-28');
    expect(defaultRectificationDue('2026-12-10', '2026-11-28')).toBe('2027-01-09');
  });

  it('refuses check dates before the plan month', () => {
    expect(checkedOnFits('2026-11', '2026-11-01')).toBe(true);
    expect(checkedOnFits('2026-11', '2026-12-02')).toBe(true);
    expect(checkedOnFits('2026-11', '2026-10-31')).toBe(false);
  });

  it('computes the pass rate to four places', () => {
    expect(passRate(0, 0)).toBe(0);
    expect(passRate(2, 3)).toBe(0.6667);
    expect(passRate(4, 4)).toBe(1);
  });

  it('names the task and its source', () => {
    expect(rectificationTitleFor('机电工程学院', '“三会一课”记录完整')).toBe('督导整改：机电工程学院·“三会一课”记录完整');
    expect(rectificationSource('11月督导', '2026-11', '台账齐全', 'fail', null)).toContain('来源：督导检查《11月督导》2026-11');
  });
});
