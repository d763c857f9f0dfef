import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

export const unitTracks = ['party', 'admin'] as const;
/** Party track: 党委 / 党总支 / 党支部; admin track: 处室 / 二级学院 / 中心. */
export const unitKinds = ['committee', 'general_branch', 'branch', 'department', 'college', 'center'] as const;
export const partyKinds = ['committee', 'general_branch', 'branch'] as const;
export const unitTrack = z.enum(unitTracks);
export const unitKind = z.enum(unitKinds);

export const unit = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    track: unitTrack,
    kind: unitKind,
    name: z.string(),
    shortName: z.string().nullable(),
    code: z.string(),
    pairedUnitId: z.uuid().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;

export const unitInput = z
  .object({
    parentId: z.uuid().nullable().optional(),
    kind: unitKind,
    name: text(100),
    shortName: optionalText(40),
    code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
    pairedUnitId: z.uuid().nullable().optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export const unitCreate = unitInput;
export const unitUpdate = unitInput.partial().extend({ version: z.number().int() }).strict();

export const unitListQuery = z
  .object({
    track: unitTrack.optional(),
    kind: unitKind.optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export const unitList = listOf(unit);

export const positionRoles = [
  'secretary',
  'deputy_secretary',
  'committee_member',
  'head',
  'deputy_head',
  'liaison',
  'member',
] as const;
export const positionRole = z.enum(positionRoles);

export const politicalStatuses = ['cpc_member', 'cpc_probationary', 'league_member', 'democratic_party', 'masses'] as const;
export const politicalStatus = z.enum(politicalStatuses);

export const position = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  role: positionRole,
});
export type Position = z.infer<typeof position>;

export const person = z
  .object({
    id: z.uuid(),
    staffNo: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    title: z.string().nullable(),
    politicalStatus: politicalStatus,
    dualLeader: z.boolean(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    positions: z.array(position),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

const phone = z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, 'digits, spaces and + - ( ) only').nullish();

export const personInput = z
  .object({
    staffNo: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ - only'),
    name: text(50),
    gender: z.enum(['male', 'female']).nullish(),
    title: optionalText(50),
    politicalStatus: politicalStatus,
    dualLeader: z.boolean().default(false),
    phone,
    email: z.email().max(120).nullish(),
    unitId: z.uuid(),
  })
  .strict();
export const personCreate = personInput.extend({ positions: z.array(positionRole).max(7).optional() }).strict();
export const personUpdate = personInput
  .partial()
  .extend({ version: z.number().int(), dualLeader: z.boolean().optional() })
  .strict();

export const personListQuery = z
  .object({
    ...pageQuery,
    unitId: z.uuid().optional(),
    subtree: z.enum(['true', 'false']).optional(),
    politicalStatus: politicalStatus.optional(),
    dualLeader: z.enum(['true', 'false']).optional(),
    role: positionRole.optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export const personList = listOf(person);
export const personExportQuery = personListQuery.omit({ page: true, pageSize: true });

export const positionCreate = z
  .object({ personId: z.uuid(), unitId: z.uuid(), role: positionRole, startDate: isoDate.nullish() })
  .strict();

export const dutyKinds = ['in_charge', 'linked'] as const; // 分管 / 联系
export const dutyKind = z.enum(dutyKinds);
export const leaderDuty = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: dutyKind,
    note: z.string().nullable(),
  })
  .meta({ id: 'LeaderDuty' });
export type LeaderDuty = z.infer<typeof leaderDuty>;
export const unitDetail = z.object({
  unit,
  pairedUnit: unit.nullable(),
  positions: z.array(position),
  peopleCount: z.number().int(),
  leaders: z.array(leaderDuty),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const leaderDutyCreate = z
  .object({ personId: z.uuid(), unitId: z.uuid(), kind: dutyKind, note: optionalText(200) })
  .strict();
export const leaderDutyQuery = z
  .object({ personId: z.uuid().optional(), unitId: z.uuid().optional(), kind: dutyKind.optional() })
  .strict();
export const leaderDutyList = listOf(leaderDuty);

/** The row-level report of an import that wrote nothing. */
export const importIssue = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportIssue = z.infer<typeof importIssue>;
export const importResult = z.object({
  importId: z.uuid(),
  status: z.enum(['done', 'failed']),
  totalRows: z.number().int(),
  created: z.number().int(),
  errors: z.array(importIssue),
});
export type ImportResult = z.infer<typeof importResult>;

/** People within the caller's scope, counted by political status. */
export const personStats = z.object({
  total: z.number().int(),
  dualLeaders: z.number().int(),
  byPoliticalStatus: z.array(z.object({ politicalStatus, count: z.number().int() })),
});
export type PersonStats = z.infer<typeof personStats>;
