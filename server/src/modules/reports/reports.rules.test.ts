import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { progressReportActions, progressReportStatuses } from '@santong/contract';
import { isTaskOpen, nextStatus, taskAfterApproval, taskChanged } from './reports.rules.js';

describe('nextStatus (review cycle)', () => {
  it('allows submit → return → resubmit → approve', () => {
    expect(nextStatus(null, 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'resubmit')).toBe('submitted');
    expect(nextStatus('submitted', 'approve')).toBe('approved');
  });

  it('refuses every step out of order', () => {
    expect(nextStatus('approved', 'approve')).toBeNull();
    expect(nextStatus('approved', 'return')).toBeNull();
    expect(nextStatus('approved', 'resubmit')).toBeNull();
    expect(nextStatus('returned', 'approve')).toBeNull();
    expect(nextStatus('returned', 'return')).toBeNull();
    expect(nextStatus('submitted', 'resubmit')).toBeNull();
    expect(nextStatus('submitted', 'submit')).toBeNull();
  });

  it('approved is final and every status is reachable only through the table', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...progressReportActions), { maxLength: 12 }), (actions) => {
        let s: (typeof progressReportStatuses)[number] | null = null;
        for (const a of actions) {
          const n = nextStatus(s, a);
          if (s === 'approved') expect(n).toBeNull();
          if (n) s = n;
        }
        expect(s === null || progressReportStatuses.includes(s)).toBe(true);
      }),
    );
  });
});

describe('taskAfterApproval', () => {
  const now = new Date('2026-11-28T02:00:00Z');
  const at = new Date('2026-11-20T01:00:00Z');
  it('starts a planned task and takes the report progress and date', () => {
    const t = taskAfterApproval({ status: 'planned', progress: 0, lastReportAt: null, completedAt: null }, { progress: 30, submittedAt: at }, now);
    expect(t).toEqual({ status: 'in_progress', progress: 30, lastReportAt: at, completedAt: null });
  });
  it('completes the task at 100 %', () => {
    const t = taskAfterApproval({ status: 'in_progress', progress: 80, lastReportAt: null, completedAt: null }, { progress: 100, submittedAt: at }, now);
    expect(t).toEqual({ status: 'done', progress: 100, lastReportAt: at, completedAt: now });
  });
  it('may lower the progress (a corrected report) without changing an open status', () => {
    const t = taskAfterApproval({ status: 'in_progress', progress: 80, lastReportAt: null, completedAt: null }, { progress: 60, submittedAt: at }, now);
    expect(t.status).toBe('in_progress');
    expect(t.progress).toBe(60);
  });
  it('detects no-ops', () => {
    const s = { status: 'in_progress', progress: 60, lastReportAt: at, completedAt: null };
    expect(taskChanged(s, { ...s, lastReportAt: new Date(at) })).toBe(false);
    expect(taskChanged(s, { ...s, progress: 61 })).toBe(true);
  });
  it('knows open tasks', () => {
    expect(isTaskOpen('planned')).toBe(true);
    expect(isTaskOpen('in_progress')).toBe(true);
    expect(isTaskOpen('done')).toBe(false);
    expect(isTaskOpen('cancelled')).toBe(false);
  });
});
