import { describe, expect, it } from 'vitest';
import type { Cockpit } from '@santong/contract';
import { deploySentences, mediaSentence, outcomeSentences, pct, periodText, type BriefingData } from './briefing.text.js';

const empty: Cockpit = {
  campaign: null,
  period: { from: '2026-03-01', to: '2026-12-31', tasksByDue: false },
  today: '2026-11-28',
  asOf: '2026-11-28T08:00:00.000Z',
  tasks: { total: 0, byStatus: [], byUnit: [], rag: { red: 0, amber: 0, green: 0, none: 0 } },
  fusion: { overall: { total: 0, fused: 0, ratio: 0, weightedRatio: 0 }, byUnit: [] },
  outcomes: { total: 0, byKind: [], byLevel: [], byMedium: [] },
  supervision: { total: 0, pass: 0, partial: 0, fail: 0, passRate: 0, byMonth: [] },
  lectures: { total: 0, held: 0, upcoming: 0, audience: 0 },
  research: { total: 0, byStatus: [] },
  followUps: { total: 0, open: 0, overdue: 0, closed: 0 },
  assessment: null,
};
const data = (c: Partial<Cockpit>): BriefingData => ({
  cockpit: { ...empty, ...c },
  deploy: { plans: 4, documents: 7, studySessions: 0, studyByKind: [] },
  exec: { reportsSubmitted: 0, reportsApproved: 0, activities: 0, activityParticipants: 0, activitiesByKind: [] },
  highlights: [],
});

describe('briefing sentences', () => {
  it('states ratios with one decimal and periods in Chinese dates', () => {
    expect(pct(66 / 98)).toBe('67.3%');
    expect(pct(0)).toBe('0.0%');
    expect(periodText('2026-03-01', '2026-12-31')).toBe('2026年3月1日至2026年12月31日');
    expect(periodText(null, null)).toBe('全部时段');
  });

  it('writes the deployment counts into sentences', () => {
    const s = deploySentences(data({ fusion: { overall: { total: 98, fused: 66, ratio: 66 / 98, weightedRatio: 0.7 }, byUnit: [] } }));
    expect(s).toContain('围绕工作部署，制定工作方案4份、相关文件7份，明确任务书、路线图和时间表。');
    expect(s.join('')).toContain('本期共部署任务98项，其中党建与业务融合任务66项，融合率67.3%');
  });

  it('names the featured media and sums the other central and provincial media (S15)', () => {
    const byMedium = [
      { key: '南方日报', count: 8, national: 0, provincial: 8 },
      { key: '人民网', count: 5, national: 5, provincial: 0 },
      { key: '省委教育工委工作简报', count: 5, national: 0, provincial: 5 },
      { key: '中国教育报', count: 3, national: 3, provincial: 0 },
      { key: '学习强国', count: 16, national: 11, provincial: 5 },
      { key: '校报', count: 2, national: 0, provincial: 0 },
    ];
    const c = { ...empty, outcomes: { total: 39, byKind: [{ key: 'media_report', count: 39 }], byLevel: [], byMedium } };
    expect(mediaSentence(c)).toBe('宣传报道方面，在中国教育报刊发报道3篇，在省委教育工委工作简报刊发报道5篇，在南方日报、人民网等中央和省级媒体刊发报道29篇，在其他媒体刊发报道2篇。');
    expect(outcomeSentences(data({ outcomes: c.outcomes }))[0]).toBe('本期共取得各类成果39项，其中媒体报道39篇。');
  });
});
