import crypto from 'node:crypto';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { FileStore, sniffType } from '../../platform/files/files.store.js';
import { insertAttachment, upsertFile } from '../../platform/files/attachments.repo.js';
import { grams } from '../../platform/search/grams.js';
import { insertDocument } from '../../modules/documents/documents.repo.js';
import type { DemoRefs } from './refs.js';

type DocSeed = { kind: string; title: string; docNo: string; unit: string; on: string; summary: string; body: string[] };

// S3: the four work plans and seven related documents of the campaign.
const docs: DocSeed[] = [
  {
    kind: 'plan', title: '南粤职业技术学院2026年主题教育暨党建与事业发展“三同”工作实施方案', docNo: '南粤职院党〔2026〕8号', unit: 'DW', on: '2026-03-02',
    summary: '明确主题教育与学校事业发展同部署、同落实、同考核的总体要求、主要任务和工作机制，成立领导小组及办公室，设综合、宣传、指导3个工作组，建立联络员队伍。',
    body: ['一、总体要求', '坚持学思想、强党性、重实践、建新功，把主题教育同落实立德树人根本任务、推进“双高计划”建设、解决师生急难愁盼问题、推动学校高质量发展结合起来。', '二、组织领导', '成立主题教育暨“三同”工作领导小组，党委书记任组长；领导小组下设办公室和综合组、宣传组、指导组，各二级党组织确定1名联络员。', '三、工作机制', '实行“每周一调度”、每月一交流、现场查阅材料和年终“说院（说处）+述党建”联动考核。'],
  },
  {
    kind: 'plan', title: '关于在全校大兴调查研究的工作方案', docNo: '南粤职院党〔2026〕11号', unit: 'DW', on: '2026-03-10',
    summary: '校领导围绕党建品牌、产教融合、三全育人、国际合作等10个方面领题调研，形成问题清单、整改清单和调研报告。',
    body: ['一、调研选题', '围绕制约学校发展的突出问题，校领导班子成员每人牵头1至2个调研课题，共确定10个重点课题。', '二、方法步骤', '采取座谈走访、问卷调查、解剖麻雀等方式，5月底前形成调研报告，6月召开调研成果交流会。', '三、成果运用', '调研发现的问题逐项建立整改台账，转化为整改任务，明确责任单位和完成时限。'],
  },
  {
    kind: 'plan', title: '党委理论学习中心组2026年专题学习方案', docNo: '南粤职院党〔2026〕12号', unit: 'DW', on: '2026-03-12',
    summary: '全年安排12次中心组专题学习和1期处级干部专题读书班，学习专题与立德树人、双高计划、民生福祉、高质量发展“四融”对应。',
    body: ['一、学习专题', '每月确定一个学习专题，做到学习内容与学校中心工作一一对应。', '二、学习形式', '采取集中学习、专题研讨、读书班、现场教学等方式，每次学习确定1至2名重点发言人。', '三、学用结合', '每次学习形成研讨成果，转化为推动学校事业发展的具体举措。'],
  },
  {
    kind: 'plan', title: '关于推进党建与“双高计划”建设深度融合的工作方案', docNo: '南粤职院党〔2026〕15号', unit: 'DW', on: '2026-04-08',
    summary: '以党建“双创”为抓手，推动教师党支部建在专业群上，实施“双带头人”培育工程，把党建考核指标与专业群建设任务同步分解。',
    body: ['一、支部建在专业群上', '按专业群优化教师党支部设置，实现支部书记“双带头人”全覆盖。', '二、任务同步分解', '将“双高计划”年度建设任务与基层党建重点任务一并分解到单位、落实到人。', '三、考核同步开展', '年终将专业群建设成效作为二级党组织书记抓党建述职的重要内容。'],
  },
  {
    kind: 'notice', title: '关于成立主题教育暨“三同”工作领导小组及工作机构的通知', docNo: '南粤职院党〔2026〕9号', unit: 'DW', on: '2026-03-03',
    summary: '公布领导小组、办公室、综合组、宣传组、指导组组成人员和各单位联络员名单，明确各机构职责。',
    body: ['经党委研究，决定成立主题教育暨“三同”工作领导小组，党委书记任组长，校长、党委副书记任副组长。', '领导小组办公室设在组织人事部，负责日常工作。', '各二级党组织、各部门确定1名联络员，于3月6日前报领导小组办公室。'],
  },
  {
    kind: 'notice', title: '关于建立“每周一调度”工作机制的通知', docNo: '南粤职院党办〔2026〕3号', unit: 'DZB', on: '2026-03-16',
    summary: '每周一上午由领导小组办公室调度各单位任务进展，对逾期、临期和进展滞后任务形成督办事项，跟踪销号。',
    body: ['一、调度内容', '各单位上周任务完成情况、本周工作安排、存在问题及需要协调事项。', '二、调度方式', '联络员于每周五下班前在平台填报进展，办公室生成调度单，周一会议逐项研究。', '三、督办销号', '会议议定事项形成督办清单，明确责任单位和时限，办结后销号。'],
  },
  {
    kind: 'minutes', title: '主题教育暨“三同”工作领导小组第一次会议纪要', docNo: '南粤职院党纪要〔2026〕2号', unit: 'DZB', on: '2026-03-20',
    summary: '会议审议通过实施方案和任务分解清单，部署调查研究和中心组学习，要求各单位3月底前完成任务签收。',
    body: ['3月19日，领导小组召开第一次会议，党委书记主持。', '会议审议通过了《实施方案》和任务分解清单，明确各项任务的牵头校领导、责任单位和完成时限。', '会议要求各单位于3月底前在平台完成任务签收，联络员按周填报进展。'],
  },
  {
    kind: 'notice', title: '关于开展2026年“两优一先”评选表彰工作的通知', docNo: '南粤职院组〔2026〕5号', unit: 'ZZB', on: '2026-05-18',
    summary: '在全校开展优秀共产党员、优秀党务工作者和先进基层党组织评选，经推荐、审核、公示后于七一前表彰。',
    body: ['一、评选范围', '全校各级党组织和全体党员。', '二、评选程序', '基层推荐、组织人事部审核、党委审定、校内公示5个工作日后表彰。', '三、名额分配', '优秀共产党员30名、优秀党务工作者10名、先进基层党组织6个。'],
  },
  {
    kind: 'report', title: '2026年上半年主题教育暨“三同”工作进展情况报告', docNo: '南粤职院党〔2026〕30号', unit: 'DW', on: '2026-07-10',
    summary: '上半年各项分解任务全部签收并有序推进，10个调研课题全部立项，校领导深入分管和联系单位讲授专题党课。',
    body: ['一、总体进展', '上半年各项任务有序推进，分解任务按期完成率较一季度明显提升。', '二、主要成效', '中心组学习与“四融”目标一一对应；调研发现的问题已转化为整改任务；党建与业务融合任务占比逐月提高。', '三、下一步打算', '聚焦滞后任务加强督办，做好年终“说院（说处）+述党建”考核准备。'],
  },
  {
    kind: 'minutes', title: '主题教育暨“三同”工作领导小组第三次会议纪要', docNo: '南粤职院党纪要〔2026〕9号', unit: 'DZB', on: '2026-09-25',
    summary: '听取三季度督导情况汇报，研究年终考核指标体系和观测点，部署整改任务“回头看”。',
    body: ['9月24日，领导小组召开第三次会议。', '会议听取了指导组三季度现场查阅材料情况汇报，对通过率偏低的单位提出限期整改要求。', '会议原则通过年终考核指标体系（征求意见稿），要求办公室10月底前完成观测点细化。'],
  },
  {
    kind: 'other', title: '主题教育工作简报（第12期）', docNo: '南粤职院宣〔2026〕12号', unit: 'XCB', on: '2026-10-15',
    summary: '刊发机电工程学院党总支“党建+专业群”融合做法和“党的创新理论我来讲”微党课比赛情况。',
    body: ['【基层动态】机电工程学院党总支推动支部建在专业群上，教师党员牵头校企合作项目12项。', '【活动掠影】“党的创新理论我来讲”微党课比赛决赛举行，评出一等奖3名。', '【媒体报道】学校“三同”工作做法被省委教育工委简报刊发。'],
  },
];

async function docxOf(d: DocSeed, unitName: string): Promise<Buffer> {
  const line = (text: string, opts: { bold?: boolean; size?: number; center?: boolean; right?: boolean } = {}) =>
    new Paragraph({
      alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { after: 160, line: 360 },
      children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 28, font: '仿宋' })],
    });
  const doc = new Document({
    creator: '南粤职业技术学院（演示）',
    title: d.title,
    sections: [{
      children: [
        line(d.docNo, { center: true }),
        line(d.title, { bold: true, size: 36, center: true }),
        ...d.body.map((p) => line(/^[一二三四五]、/.test(p) ? p : `　　${p}`, { bold: /^[一二三四五]、/.test(p) })),
        line(unitName, { right: true }),
        line(d.on.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), { right: true }),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export async function seedDocuments(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  // Blobs go to the data dir's file store; seeding without one (tests) writes only the rows.
  const store = refs.filesDir ? new FileStore(refs.filesDir, Number.MAX_SAFE_INTEGER) : null;
  const unitNames: Record<string, string> = { DW: '中共南粤职业技术学院委员会', DZB: '党委办公室（校长办公室）', ZZB: '中共南粤职业技术学院委员会组织人事部', XCB: '中共南粤职业技术学院委员会宣传统战部' };
  for (const d of docs) {
    const { id } = await insertDocument(tx, {
      tenantId, campaignId: refs.campaignId ?? null, kind: d.kind, title: d.title, docNo: d.docNo,
      issuingUnitId: refs.units.get(d.unit)!, issuedOn: d.on, summary: d.summary,
      searchGrams: grams(d.title, d.docNo, d.summary), createdBy: refs.officeUserId,
    });
    const buf = await docxOf(d, unitNames[d.unit]);
    const stored = store ? await store.put(buf) : { sha256: crypto.createHash('sha256').update(buf).digest('hex'), size: buf.length, mime: await sniffType(buf) };
    const file = await upsertFile(tx, tenantId, stored);
    await insertAttachment(tx, { tenantId, entity: 'document', entityId: id, fileId: file.id, name: `${d.title}.docx`, uploadedBy: refs.officeUserId });
  }
}
