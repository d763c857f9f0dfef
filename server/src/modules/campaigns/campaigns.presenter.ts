import type { Campaign, CampaignBody, CampaignDetail, CampaignMember } from '@santong/contract';
import { bodyKindOrder } from './campaign.rules.js';

export interface CampaignRow {
  id: string;
  title: string;
  kind: string;
  startDate: string;
  endDate: string;
  status: string;
  description: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  bodyCount: number;
  memberCount: number;
  documentCount: number;
}

export interface BodyRow {
  id: string;
  campaignId: string;
  kind: string;
  name: string;
  duty: string | null;
  sortOrder: number;
}

export interface MemberRow {
  id: string;
  bodyId: string;
  personId: string;
  personName: string;
  personTitle: string | null;
  role: string;
  unitId: string | null;
  unitName: string | null;
  sortOrder: number;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const presentCampaign = (c: CampaignRow): Campaign => ({
  id: c.id,
  title: c.title,
  kind: c.kind as Campaign['kind'],
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status as Campaign['status'],
  description: c.description,
  version: c.version,
  bodyCount: Number(c.bodyCount),
  memberCount: Number(c.memberCount),
  documentCount: Number(c.documentCount),
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

export const presentMember = (m: MemberRow): CampaignMember => ({ ...m, role: m.role as CampaignMember['role'], sortOrder: Number(m.sortOrder) });

export const presentBody = (b: BodyRow, members: MemberRow[]): CampaignBody => ({
  id: b.id,
  campaignId: b.campaignId,
  kind: b.kind as CampaignBody['kind'],
  name: b.name,
  duty: b.duty,
  sortOrder: b.sortOrder,
  members: members.filter((m) => m.bodyId === b.id).map(presentMember),
});

/** The campaign with its bodies in work-loop order (leading group → office → working groups → liaison team). */
export function presentDetail(c: CampaignRow, bodies: BodyRow[], members: MemberRow[]): CampaignDetail {
  const ordered = [...bodies].sort((a, b) => bodyKindOrder[a.kind as CampaignBody['kind']] - bodyKindOrder[b.kind as CampaignBody['kind']] || a.sortOrder - b.sortOrder);
  return { ...presentCampaign(c), bodies: ordered.map((b) => presentBody(b, members)) };
}

export const campaignKindLabel: Record<Campaign['kind'], string> = { theme_education: '主题教育', annual: '年度工作', special: '专项工作' };
export const campaignStatusLabel: Record<Campaign['status'], string> = { draft: '草稿', active: '进行中', closed: '已结束' };
