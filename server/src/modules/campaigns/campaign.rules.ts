import { campaignTransitions, type CampaignBody, type Campaign } from '@santong/contract';

type Status = Campaign['status'];

/** Whether a campaign may move from one status to another (forward only: draft → active → closed). */
export function canTransition(from: Status, to: Status): boolean {
  return campaignTransitions[from].includes(to);
}

/** A period is valid when it does not end before it starts (ISO dates compare as strings). */
export function validPeriod(startDate: string, endDate: string): boolean {
  return endDate >= startDate;
}

/**
 * The work loop every new campaign starts with (S1): a leading group, its
 * office, the three working groups and the liaison team. All editable.
 */
export const defaultBodies: { kind: CampaignBody['kind']; name: string; duty: string }[] = [
  { kind: 'leading_group', name: '领导小组', duty: '统筹领导本次工作，研究决定重大事项，听取各工作组和各单位工作汇报' },
  { kind: 'office', name: '领导小组办公室', duty: '负责日常组织协调、督促推进、情况汇总和上传下达' },
  { kind: 'working_group', name: '综合组', duty: '负责综合协调、方案文稿起草、信息汇总和会议组织' },
  { kind: 'working_group', name: '宣传组', duty: '负责宣传报道、舆论引导、典型经验总结推广' },
  { kind: 'working_group', name: '指导组', duty: '负责分片督促指导各单位开展工作，现场查阅材料、反馈问题' },
  { kind: 'liaison_team', name: '联络员队伍', duty: '负责本单位工作的联络沟通、进度填报和佐证材料报送' },
];

/** Order of the bodies in the work loop, for presenting them top-down. */
export const bodyKindOrder: Record<CampaignBody['kind'], number> = { leading_group: 0, office: 1, working_group: 2, liaison_team: 3 };
