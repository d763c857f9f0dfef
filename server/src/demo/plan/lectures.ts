import { grams } from '../../platform/search/grams.js';
import * as repo from '../../modules/lectures/lectures.repo.js';
import type { DemoRefs } from './refs.js';

type LectureSeed = [leader: number, unit: string, on: string, topic: string, audience: number, location: string];

// S6: each school leader lectures in the units they are in charge of or linked to; the secretary to 200+ cadres.
const lectures: LectureSeed[] = [
  [0, 'DW', '2026-04-02', '以学铸魂 以学增智 以学正风 以学促干——奋力谱写学校高质量发展新篇章', 236, '学术报告厅'],
  [0, 'XCB-ZB', '2026-06-24', '讲好职教故事，打造有温度的党建品牌', 32, '宣传统战部会议室'],
  [1, 'XX-ZZ', '2026-05-09', '用数字技术赋能专业群建设，在“双高计划”中走在前列', 86, '信息楼报告厅'],
  [1, 'CWC-ZB', '2026-09-11', '严守财经纪律，当好学校发展的“守门人”', 18, '财务处会议室'],
  [2, 'JG-ZZ', '2026-05-27', '坚持立德树人，构建“三全育人”新格局', 104, '经管楼多功能厅'],
  [3, 'JD-ZZ', '2026-04-23', '厚植工匠精神，深化产教融合——机电学院发展的思考', 92, '机电实训楼报告厅'],
  [3, 'KYC-ZB', '2026-10-16', '把论文写在产业一线：科研工作者的初心和使命', 21, '科研楼302会议室'],
  [4, 'YS-ZZ', '2026-06-12', '以美育人、以文化人：新时代艺术设计人才培养的使命担当', 78, '艺术楼展厅'],
  [4, 'HQC-ZB', '2026-09-04', '把师生的“小事”当作后勤的“大事”', 26, '后勤楼会议室'],
  [5, 'TSG-ZB', '2026-07-03', '筑牢廉洁防线，涵养清朗校风——警示教育专题党课', 24, '图书信息中心研讨室'],
];

/** S6: ten leader lectures, one of them to more than 200 cadres of the whole school. */
export async function seedLectures(refs: DemoRefs) {
  for (const [leader, unit, on, topic, audience, location] of lectures) {
    await repo.insertLecture(refs.tx, {
      tenantId: refs.tenantId, campaignId: refs.campaignId ?? null, lecturerPersonId: refs.leaders[leader], audienceUnitId: refs.units.get(unit)!,
      heldOn: on, topic, audienceCount: audience, location, searchGrams: grams(topic, location),
    });
  }
}
