import { z } from 'zod';
import { isoDate } from './common.js';
import { dutyKind } from './org.js';
import { researchStatus } from './research.js';

export const leaderRag = z.enum(['red', 'amber', 'green', 'none']);
export type LeaderRag = z.infer<typeof leaderRag>;
export const leaderRagCounts = z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int(), none: z.number().int() });
export type LeaderRagCounts = z.infer<typeof leaderRagCounts>;

/** A unit a leader is in charge of (分管) or linked to (联系), with its tasks' colours. */
export const leaderUnit = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  kind: dutyKind,
  rag: leaderRagCounts,
  taskCount: z.number().int(),
  lectureCount: z.number().int(),
  topicCount: z.number().int(),
});

export const leaderTask = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.string(),
  status: z.string(),
  progress: z.number().int(),
  startDate: isoDate,
  dueDate: isoDate,
  rag: leaderRag,
  ownerUnitId: z.uuid(),
  ownerUnitName: z.string(),
  responsiblePersonId: z.uuid().nullable(),
  responsibleName: z.string().nullable(),
  /** duty units (ids of `units`) this task belongs to; empty when listed only because the leader is responsible */
  dutyUnitIds: z.array(z.uuid()),
  mine: z.boolean(),
});
export type LeaderTask = z.infer<typeof leaderTask>;

export const leaderLecture = z.object({
  id: z.uuid(),
  topic: z.string(),
  heldOn: isoDate,
  lecturerName: z.string(),
  audienceUnitName: z.string(),
  audienceCount: z.number().int(),
  dutyUnitIds: z.array(z.uuid()),
});

export const leaderTopic = z.object({
  id: z.uuid(),
  title: z.string(),
  status: researchStatus,
  leaderName: z.string(),
  problemCount: z.number().int(),
  rectifiedCount: z.number().int(),
  dutyUnitIds: z.array(z.uuid()),
  mine: z.boolean(),
});

export const leaderView = z
  .object({
    person: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() }),
    today: isoDate,
    units: z.array(leaderUnit),
    rag: leaderRagCounts,
    /** tasks of the duty units and tasks the leader is responsible for, red first, then amber, green, done (at most 500) */
    tasks: z.array(leaderTask),
    lectures: z.array(leaderLecture),
    researchTopics: z.array(leaderTopic),
  })
  .meta({ id: 'LeaderView' });
export type LeaderView = z.infer<typeof leaderView>;
export const leaderViewQuery = z.object({ personId: z.uuid().optional() }).strict();

/** The office's summary: one row per leader with duties. */
export const leaderOverview = z
  .object({
    today: isoDate,
    leaders: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        title: z.string().nullable(),
        inCharge: z.array(z.string()),
        linked: z.array(z.string()),
        rag: leaderRagCounts,
        lectureCount: z.number().int(),
        topicCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'LeaderOverview' });
export type LeaderOverview = z.infer<typeof leaderOverview>;
