import { describe, expect, it } from 'vitest';
import { campaignStatuses } from '@santong/contract';
import { canTransition, defaultBodies, validPeriod } from './campaign.rules.js';

describe('canTransition', () => {
  it('allows only draft → active → closed', () => {
    const allowed = campaignStatuses.flatMap((from) => campaignStatuses.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual(['draft>active', 'active>closed']);
  });
  it('never reopens a closed campaign nor skips a step', () => {
    expect(canTransition('closed', 'active')).toBe(false);
    expect(canTransition('draft', 'closed')).toBe(false);
    expect(canTransition('active', 'active')).toBe(false);
  });
});

describe('validPeriod', () => {
  it('accepts one-day periods and rejects an end before the start', () => {
    expect(validPeriod('2026-03-01', '2026-03-01')).toBe(true);
    expect(validPeriod('2026-03-01', '2026-12-31')).toBe(true);
    expect(validPeriod('2026-03-02', '2026-03-01')).toBe(false);
  });
});

describe('defaultBodies', () => {
  it('has one leading group, one office, one liaison team and the three working groups', () => {
    const kinds = defaultBodies.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'leading_group')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'office')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'liaison_team')).toHaveLength(1);
    expect(defaultBodies.filter((b) => b.kind === 'working_group').map((b) => b.name)).toEqual(['综合组', '宣传组', '指导组']);
  });
});
