import { describe, expect, it } from 'vitest';
import { innovationActions, innovationStages, type InnovationAction, type InnovationStage } from '@santong/contract';
import { dateInOrder, isClosed, isDeletable, nextActions, nextStage, transitions } from './innovation.rules.js';

describe('innovation life cycle', () => {
  it('walks the happy path applied → approved → cultivating → midterm_checked → accepted', () => {
    let stage: InnovationStage = 'applied';
    for (const a of ['approve', 'cultivate', 'midterm_check', 'accept'] as InnovationAction[]) {
      const next = nextStage(stage, a);
      expect(next, `${a} from ${stage}`).not.toBeNull();
      stage = next!;
    }
    expect(stage).toBe('accepted');
  });

  it('rejects only at approval', () => {
    expect(nextStage('applied', 'reject')).toBe('rejected');
    for (const s of innovationStages.filter((x) => x !== 'applied')) expect(nextStage(s, 'reject')).toBeNull();
  });

  it('refuses every step out of order (e.g. accept before the mid-term check)', () => {
    expect(nextStage('cultivating', 'accept')).toBeNull();
    expect(nextStage('approved', 'accept')).toBeNull();
    expect(nextStage('applied', 'midterm_check')).toBeNull();
    expect(nextStage('applied', 'cultivate')).toBeNull();
    expect(nextStage('accepted', 'approve')).toBeNull();
    expect(nextStage('rejected', 'approve')).toBeNull();
    let allowed = 0;
    for (const s of innovationStages) for (const a of innovationActions) if (nextStage(s, a)) allowed++;
    expect(allowed).toBe(Object.keys(transitions).length);
  });

  it('lists the next actions of each stage; closed stages have none', () => {
    expect(nextActions('applied').sort()).toEqual(['approve', 'reject']);
    expect(nextActions('approved')).toEqual(['cultivate']);
    expect(nextActions('cultivating')).toEqual(['midterm_check']);
    expect(nextActions('midterm_checked')).toEqual(['accept']);
    expect(nextActions('accepted')).toEqual([]);
    expect(nextActions('rejected')).toEqual([]);
    for (const s of innovationStages) expect(isClosed(s)).toBe(nextActions(s).length === 0);
  });

  it('lets an application be withdrawn before approval or after rejection only', () => {
    expect(innovationStages.filter(isDeletable)).toEqual(['applied', 'rejected']);
  });

  it('keeps step dates in order', () => {
    expect(dateInOrder(null, '2026-01-01')).toBe(true);
    expect(dateInOrder('2026-03-01', '2026-03-01')).toBe(true);
    expect(dateInOrder('2026-03-01', '2026-02-28')).toBe(false);
  });
});
