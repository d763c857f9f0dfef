import { campaigns } from '../../db/schema/index.js';
import * as repo from '../../modules/campaigns/campaigns.repo.js';
import { defaultBodies } from '../../modules/campaigns/campaign.rules.js';
import type { DemoRefs } from './refs.js';

/**
 * S1: the year's campaign and its closed work loop — the leading group under
 * the party secretary, its office, the 综合/宣传/指导 working groups and a
 * liaison in every college and department.
 */
export async function seedCampaign(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  const [c] = await tx
    .insert(campaigns)
    .values({
      tenantId,
      title: '2026年主题教育暨“三同”工作推进',
      kind: 'theme_education',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      status: 'active',
      description:
        '以学习贯彻新时代中国特色社会主义思想主题教育为抓手，推动党建工作与学校事业发展同部署、同落实、同考核：' +
        '理论学习与立德树人、“双高计划”、民生福祉、高质量发展深度融合，形成“领导小组—办公室—工作组—联络员”的闭环工作回路。',
    })
    .returning({ id: campaigns.id });
  refs.campaignId = c.id;

  const bodies = await repo.insertBodies(tx, defaultBodies.map((b, i) => ({ ...b, tenantId, campaignId: c.id, sortOrder: (i + 1) * 10 })));
  const body = (name: string) => bodies.find((b) => b.name === name)!.id;
  const staff = (unit: string, i: number) => refs.staffByUnit.get(unit)![i];
  const [secretary, president, deputySecretary, vp1, vp2, discipline] = refs.leaders;
  const office = refs.keyed.get('office')!.id;
  const inspector = refs.keyed.get('inspector')!.id;
  const unit = (code: string) => refs.units.get(code)!;

  // [body, person, role, unit code]; department staff are: 0 head, 1 deputy, 2 liaison, 3.. members.
  const rows: [string, string, string, string | null][] = [
    ['领导小组', secretary, 'leader', 'DW'],
    ['领导小组', president, 'deputy_leader', 'DW'],
    ['领导小组', deputySecretary, 'deputy_leader', 'DW'],
    ['领导小组', vp1, 'member', 'DW'],
    ['领导小组', vp2, 'member', 'DW'],
    ['领导小组', discipline, 'member', 'DW'],
    ['领导小组办公室', staff('ZZB', 0), 'director', 'ZZB'],
    ['领导小组办公室', staff('DZB', 0), 'deputy_director', 'DZB'],
    ['领导小组办公室', staff('XCB', 1), 'deputy_director', 'XCB'],
    ['领导小组办公室', office, 'member', 'DZB'],
    ['综合组', staff('DZB', 1), 'leader', 'DZB'],
    ['综合组', staff('DZB', 3), 'member', 'DZB'],
    ['综合组', staff('ZZB', 3), 'member', 'ZZB'],
    ['综合组', staff('JWC', 3), 'member', 'JWC'],
    ['宣传组', staff('XCB', 0), 'leader', 'XCB'],
    ['宣传组', staff('XCB', 3), 'member', 'XCB'],
    ['宣传组', staff('JYZX', 3), 'member', 'JYZX'],
    ['宣传组', staff('TSG', 3), 'member', 'TSG'],
    ['指导组', staff('ZZB', 1), 'leader', 'ZZB'],
    ['指导组', inspector, 'member', 'ZZB'],
    ['指导组', staff('JWC', 1), 'member', 'JWC'],
    ['指导组', staff('XGC', 1), 'member', 'XGC'],
    ['指导组', staff('KYC', 3), 'member', 'KYC'],
  ];
  await repo.insertMembers(
    tx,
    rows.map(([b, personId, role, u], i) => ({ tenantId, bodyId: body(b), personId, role, unitId: u ? unit(u) : null, sortOrder: (i + 1) * 10 })),
  );
  const liaisons = await repo.liaisonPositions(tx, tenantId);
  await repo.insertMembers(
    tx,
    liaisons.map((l, i) => ({ tenantId, bodyId: body('联络员队伍'), personId: l.personId, unitId: l.unitId, role: 'liaison', sortOrder: (i + 1) * 10 })),
  );
}
