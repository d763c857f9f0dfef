import { z } from 'zod';
import { isoDate } from './common.js';

/**
 * The cockpit (驾驶舱) and the briefing generator (insight): one aggregated
 * read of the 三同 loop for a campaign, a period and a unit subtree, within
 * the caller's data scope. Every figure names the list behind it through its
 * filter values (unit, status, kind …), so the UI can link each number.
 */
export const cockpitQuery = z
  .object({
    campaignId: z.uuid().optional(),
    from: isoDate.optional().describe('period start; dated records (outcomes, checks, lectures) default to the campaign’s dates'),
    to: isoDate.optional(),
    unitId: z.uuid().optional().describe('a unit and its sub-units'),
  })
  .strict();
export type CockpitQuery = z.infer<typeof cockpitQuery>;

export const briefingQuery = z.object({ campaignId: z.uuid(), from: isoDate.optional(), to: isoDate.optional(), unitId: z.uuid().optional() }).strict();
export type BriefingQuery = z.infer<typeof briefingQuery>;

const count = z.number().int();
const keyCount = z.object({ key: z.string(), count });
const ratioNumbers = { total: count, fused: count, ratio: z.number(), weightedRatio: z.number() };

export const cockpitUnitTasks = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  total: count,
  planned: count,
  in_progress: count,
  done: count,
  cancelled: count,
});

export const cockpit = z
  .object({
    campaign: z.object({ id: z.uuid(), title: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
    /** the period the figures cover; tasks are filtered by due date only when the query names a period */
    period: z.object({ from: z.string().nullable(), to: z.string().nullable(), tasksByDue: z.boolean() }),
    today: z.string(),
    /** when these figures were computed (the server may reuse them for a short while, COCKPIT_CACHE_SECONDS) */
    asOf: z.iso.datetime(),
    tasks: z.object({
      total: count,
      byStatus: z.array(keyCount),
      byUnit: z.array(cockpitUnitTasks),
      rag: z.object({ red: count, amber: count, green: count, none: count }),
    }),
    fusion: z.object({
      overall: z.object(ratioNumbers),
      byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), ...ratioNumbers })),
    }),
    outcomes: z.object({
      total: count,
      byKind: z.array(keyCount),
      byLevel: z.array(keyCount),
      byMedium: z.array(z.object({ key: z.string(), count, national: count, provincial: count })),
    }),
    supervision: z.object({
      total: count,
      pass: count,
      partial: count,
      fail: count,
      passRate: z.number(),
      byMonth: z.array(z.object({ month: z.string(), total: count, pass: count, partial: count, fail: count, passRate: z.number() })),
    }),
    lectures: z.object({ total: count, held: count, upcoming: count, audience: count }),
    research: z.object({ total: count, byStatus: z.array(keyCount) }),
    followUps: z.object({ total: count, open: count, overdue: count, closed: count }),
    assessment: z
      .object({
        schemeId: z.uuid(),
        title: z.string(),
        year: z.number().int(),
        publishedAt: z.string().nullable(),
        /** grade bands best first, with the scheme's labels (优秀 …) */
        byGrade: z.array(z.object({ key: z.string(), label: z.string(), count })),
        ranking: z.array(
          z.object({ targetId: z.uuid(), name: z.string(), unitId: z.uuid(), total: z.number(), rank: count, grade: z.string(), gradeLabel: z.string(), vetoed: z.boolean() }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'Cockpit' });
export type Cockpit = z.infer<typeof cockpit>;
export type CockpitUnitTasks = z.infer<typeof cockpitUnitTasks>;
