import type { Campaign, CampaignBody, CampaignMember } from '@santong/contract';

/** Typed i18n keys of the campaign enums. */
export const campaignLabel = {
  kind: (k: Campaign['kind']) => `campaign.kind.${k}` as const,
  status: (s: Campaign['status']) => `campaign.status.${s}` as const,
  bodyKind: (k: CampaignBody['kind']) => `campaign.body.kind.${k}` as const,
  memberRole: (r: CampaignMember['role']) => `campaign.member.role.${r}` as const,
};

export const statusColor: Record<Campaign['status'], string> = { draft: 'default', active: 'processing', closed: 'success' };
export const kindColor: Record<Campaign['kind'], string> = { theme_education: 'red', annual: 'blue', special: 'gold' };

/** Roles offered for each kind of body, the usual one first. */
export const rolesOfBody: Record<CampaignBody['kind'], CampaignMember['role'][]> = {
  leading_group: ['member', 'leader', 'deputy_leader'],
  office: ['member', 'director', 'deputy_director'],
  working_group: ['member', 'leader', 'deputy_leader'],
  liaison_team: ['liaison', 'leader', 'member'],
};
