import { describe, expect, it } from 'vitest';
import { defaultRagSettings } from '../tasks/task.rules.js';
import { groupLines } from '@santong/contract';
import { countLines, daysWithoutReport, followUpLines, groupByLeader, groupByUnit, leadersConcerned, sheetReasons, taskLines, type SheetTask } from './dispatch.rules.js';

const MONDAY = '2026-11-23';
const base: SheetTask = {
  id: '00000000-0000-4000-8000-000000000001', title: '任务', ownerUnitId: 'u1', ownerUnitName: '机电学院', responsibleName: null,
  status: 'in_progress', progress: 50, startDate: '2026-11-01', dueDate: '2026-12-31', lastReportAt: new Date('2026-11-20T02:00:00Z'),
};
const t = (over: Partial<SheetTask>): SheetTask => ({ ...base, ...over });

describe('sheetReasons (Monday 2026-11-23, default thresholds)', () => {
  it('a task due yesterday is overdue and red', () => {
    expect(sheetReasons(t({ dueDate: '2026-11-22' }), MONDAY, defaultRagSettings)).toEqual({ rag: 'red', reasons: ['overdue', 'red'] });
  });
  it('due on the Monday itself and seven days later count as due within 7 days; eight days later does not', () => {
    expect(sheetReasons(t({ dueDate: MONDAY, progress: 90 }), MONDAY, defaultRagSettings).reasons).toEqual(['due_soon']);
    expect(sheetReasons(t({ dueDate: '2026-11-30', progress: 90 }), MONDAY, defaultRagSettings).reasons).toEqual(['due_soon']);
    expect(sheetReasons(t({ dueDate: '2026-12-01', progress: 90 }), MONDAY, defaultRagSettings).reasons).toEqual([]);
  });
  it('red without being overdue when progress trails elapsed time by 30 points (the tasks RAG rule)', () => {
    // 2026-11-01 → 2026-12-01: 22 of 30 days elapsed = 73%; progress 40 trails by 33
    expect(sheetReasons(t({ dueDate: '2026-12-01', progress: 40 }), MONDAY, defaultRagSettings)).toEqual({ rag: 'red', reasons: ['red'] });
    expect(sheetReasons(t({ dueDate: '2026-12-01', progress: 50 }), MONDAY, defaultRagSettings).reasons).toEqual([]);
  });
  it('uses the tenant thresholds it is given', () => {
    expect(sheetReasons(t({ dueDate: '2026-12-01', progress: 50 }), MONDAY, { ...defaultRagSettings, behindPoints: 20 }).reasons).toEqual(['red']);
  });
  it('stale after 14 days without an approved report, counted from the start when there was none', () => {
    expect(sheetReasons(t({ lastReportAt: new Date('2026-11-09T10:00:00Z') }), MONDAY, defaultRagSettings).reasons).toEqual(['stale']);
    expect(sheetReasons(t({ lastReportAt: new Date('2026-11-10T10:00:00Z') }), MONDAY, defaultRagSettings).reasons).toEqual([]);
    expect(sheetReasons(t({ lastReportAt: null, startDate: '2026-11-09' }), MONDAY, defaultRagSettings).reasons).toEqual(['stale']);
    expect(sheetReasons(t({ lastReportAt: null, startDate: '2026-11-10' }), MONDAY, defaultRagSettings).reasons).toEqual([]);
    expect(daysWithoutReport(t({ startDate: '2026-12-01', lastReportAt: null }), MONDAY)).toBeNull();
  });
  it('done and cancelled tasks never appear', () => {
    expect(sheetReasons(t({ status: 'done', dueDate: '2026-11-01' }), MONDAY, defaultRagSettings).reasons).toEqual([]);
    expect(sheetReasons(t({ status: 'cancelled', dueDate: '2026-11-01' }), MONDAY, defaultRagSettings).reasons).toEqual([]);
  });
});

describe('lines, counts and groups', () => {
  const tasks = taskLines(
    [
      t({ id: 'a', title: '甲', dueDate: '2026-11-20', ownerUnitId: 'u1' }),
      t({ id: 'b', title: '乙', dueDate: '2026-11-25', progress: 90, ownerUnitId: 'u2', ownerUnitName: '信息学院' }),
      t({ id: 'c', title: '丙', dueDate: '2026-12-31', ownerUnitId: 'u3', ownerUnitName: '党委办公室' }),
    ],
    MONDAY,
    defaultRagSettings,
  );
  const followUps = followUpLines(
    [
      { id: 'f1', title: '督办一', ownerUnitId: 'u2', ownerUnitName: '信息学院', dueDate: '2026-11-20', status: 'open', fromWeek: '2026-W46' },
      { id: 'f2', title: '督办二', ownerUnitId: 'u4', ownerUnitName: '财务处', dueDate: '2026-11-30', status: 'open', fromWeek: '2026-W47' },
    ],
    MONDAY,
  );

  it('keeps only tasks with a reason, by due date', () => {
    expect(tasks.map((x) => x.taskId)).toEqual(['a', 'b']);
  });

  it('counts each reason; a follow-up still open past its due date is overdue', () => {
    expect(followUps.map((f) => f.overdue)).toEqual([true, false]);
    expect(countLines(tasks, followUps)).toEqual({ tasks: 2, overdue: 1, dueSoon: 1, red: 1, stale: 0, followUps: 2, followUpsOverdue: 1 });
  });

  it('groups by unit in org order, tasks and follow-ups together', () => {
    const groups = groupByUnit(tasks, followUps, [
      { id: 'u4', name: '财务处', sortOrder: 0 }, { id: 'u2', name: '信息学院', sortOrder: 1 }, { id: 'u1', name: '机电学院', sortOrder: 2 },
    ]);
    expect(groups.map((g) => [g.key, g.counts.tasks, g.counts.followUps])).toEqual([['u4', 0, 1], ['u2', 1, 1], ['u1', 1, 0]]);
    // lines are named by id, in the sheet's order; groupLines resolves them
    expect(groups.map((g) => [g.taskIds, g.followUpIds])).toEqual([[[], ['f2']], [['b'], ['f1']], [['a'], []]]);
    expect(groupLines({ tasks, followUps })(groups[1])).toEqual({ tasks: [tasks[1]], followUps: [followUps[0]] });
  });

  it('groups by leader: a unit under two leaders shows in both; uncovered units gather last', () => {
    const groups = groupByLeader(tasks, followUps, [
      { personId: 'p1', personName: '张书记', unitId: 'u1' },
      { personId: 'p1', personName: '张书记', unitId: 'u2' },
      { personId: 'p2', personName: '李校长', unitId: 'u2' },
      { personId: 'p3', personName: '王副校长', unitId: 'u9' },
    ]);
    expect(groups.map((g) => [g.key, g.name, g.taskIds, g.followUpIds])).toEqual([
      ['p1', '张书记', ['a', 'b'], ['f1']],
      ['p2', '李校长', ['b'], ['f1']],
      [null, '未明确分管（联系）校领导', [], ['f2']],
    ]);
    expect(leadersConcerned(groups)).toEqual(['p1', 'p2']);
  });
});
