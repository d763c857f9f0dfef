import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 主题教育 / annual work / special campaign. */
export const campaignKinds = ['theme_education', 'annual', 'special'] as const;
export const campaignKind = z.enum(campaignKinds);
export const campaignStatuses = ['draft', 'active', 'closed'] as const;
export const campaignStatus = z.enum(campaignStatuses);

/** Allowed status moves: a campaign only goes forward (draft → active → closed). */
export const campaignTransitions: Record<(typeof campaignStatuses)[number], readonly (typeof campaignStatuses)[number][]> = {
  draft: ['active'],
  active: ['closed'],
  closed: [],
};

/** The bodies of the work loop (S1): 领导小组, 办公室, 工作组 (综合/宣传/指导), 联络员队伍. */
export const campaignBodyKinds = ['leading_group', 'office', 'working_group', 'liaison_team'] as const;
export const campaignBodyKind = z.enum(campaignBodyKinds);
/** Kinds a campaign has at most one of. */
export const singletonBodyKinds = ['leading_group', 'office', 'liaison_team'] as const;

/** 组长, 副组长, 主任, 副主任, 成员, 联络员. */
export const campaignMemberRoles = ['leader', 'deputy_leader', 'director', 'deputy_director', 'member', 'liaison'] as const;
export const campaignMemberRole = z.enum(campaignMemberRoles);

export const campaign = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: campaignKind,
    startDate: isoDate,
    endDate: isoDate,
    status: campaignStatus,
    description: z.string().nullable(),
    version: z.number().int(),
    bodyCount: z.number().int(),
    memberCount: z.number().int(),
    documentCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaign>;

export const campaignMember = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    personTitle: z.string().nullable(),
    role: campaignMemberRole,
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'CampaignMember' });
export type CampaignMember = z.infer<typeof campaignMember>;

export const campaignBody = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    kind: campaignBodyKind,
    name: z.string(),
    duty: z.string().nullable(),
    sortOrder: z.number().int(),
    members: z.array(campaignMember),
  })
  .meta({ id: 'CampaignBody' });
export type CampaignBody = z.infer<typeof campaignBody>;

export const campaignDetail = campaign.extend({ bodies: z.array(campaignBody) }).meta({ id: 'CampaignDetail' });
export type CampaignDetail = z.infer<typeof campaignDetail>;

const campaignFields = {
  title: text(200),
  kind: campaignKind,
  startDate: isoDate,
  endDate: isoDate,
  description: optionalText(4000),
};
export const campaignCreate = z.object(campaignFields).strict();
export const campaignUpdate = z
  .object({ ...campaignFields, status: campaignStatus })
  .partial()
  .extend({ version: z.number().int() })
  .strict();

export const campaignListQuery = z
  .object({
    ...pageQuery,
    status: campaignStatus.optional(),
    kind: campaignKind.optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export const campaignExportQuery = campaignListQuery.omit({ page: true, pageSize: true });
export const campaignList = listOf(campaign);

export const campaignBodyCreate = z
  .object({
    kind: campaignBodyKind,
    name: text(100),
    duty: optionalText(1000),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export const campaignBodyUpdate = campaignBodyCreate.omit({ kind: true }).partial().strict();

export const campaignMemberCreate = z
  .object({
    personId: z.uuid(),
    role: campaignMemberRole,
    unitId: z.uuid().nullish(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export const campaignMemberUpdate = campaignMemberCreate.omit({ personId: true }).partial().strict();

/** Adds every unit's liaison (positions with role liaison) to a liaison team; returns how many were added. */
export const liaisonFillResult = z.object({ added: z.number().int(), body: campaignBody });
