import { sql } from 'drizzle-orm';
import { resultApplications } from '../../db/schema/index.js';
import { rowsOf } from '../../access/scope.js';
import { computeResults, freezeResults, publishResults } from '../../modules/assessment-results/results.compute.js';
import { listMissingRatings } from '../../modules/assessment-results/results.repo.js';
import { parseBands } from '../../modules/assessment-results/metrics.js';
import type { DemoRefs } from './refs.js';

/**
 * 考核结果与运用 (S13–S14): last year's closed scheme computed, frozen and
 * published to the whole school with the self reports; the best graded
 * commended (and their heads put forward for promotion reference), the lowest
 * two talked to by the leader in charge, with follow-ups.
 */
const commendNote = (name: string) => `${name}年度综合考核成绩优异，推荐参评学校年度“先进基层党组织”“‘三同’工作先进单位”。`;
const talkPoints = (name: string) =>
  `一是${name}重点任务推进偏慢，部分任务逾期未完成，需对照年度任务清单逐项销号；二是进展报送不够及时，要落实专人负责、按月报送；` +
  `三是督查发现问题整改不到位，要建立问题清单、责任清单、整改清单。请于一季度末前报送整改方案。`;

export async function seedAssessmentResults(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  const [scheme] = rowsOf<{ id: string; bands: unknown }>(await tx.execute(sql`select id, bands from assessment_schemes where tenant_id = ${tenantId} and year = 2025 and status = 'closed' limit 1`));
  if (!scheme) return;
  const actor = { tenantId, userId: refs.officeUserId, displayName: refs.keyed.get('office')?.name ?? 'office', ip: '' };
  const missing = await listMissingRatings(tx, tenantId, scheme.id);
  await computeResults(tx, actor, scheme.id, missing.length ? '个别评分人因公出差未能提交，经党委会研究同意按已提交评分计算' : undefined);
  await freezeResults(tx, actor, scheme.id);
  await publishResults(tx, actor, scheme.id, { scope: 'all', publishReports: true });

  const rows = rowsOf<{ targetId: string; name: string; code: string; rank: number; grade: string }>(await tx.execute(sql`
    select r.target_id as "targetId", t.name, u.code, r.rank, r.grade from assessment_results r
    join assessment_targets t on t.tenant_id = r.tenant_id and t.id = r.target_id join units u on u.id = t.unit_id
    where r.tenant_id = ${tenantId} and r.scheme_id = ${scheme.id} order by r.rank, t.name`));
  // the best band's targets, or (when the quota or the scores left it empty) the first three not in the lowest band
  const bands = parseBands(scheme.bands);
  const inBest = rows.filter((r) => r.grade === bands[0]?.name);
  const top = inBest.length ? inBest : rows.slice(0, 3).filter((r) => r.grade !== bands.at(-1)?.name);
  const lowest = rows.slice(-2);
  const head = (code: string) => refs.staffByUnit.get(code)?.[0] ?? null;
  const secretaryOfParty = refs.leaders[0];
  const values: (typeof resultApplications.$inferInsert)[] = [
    ...top.map((r) => ({ tenantId, schemeId: scheme.id, targetId: r.targetId, personId: null, kind: 'commendation', note: commendNote(r.name) })),
    ...top.slice(0, 2).map((r) => ({
      tenantId, schemeId: scheme.id, targetId: r.targetId, personId: head(r.code), kind: 'promotion',
      note: `所在单位年度综合考核位居前列，作为干部选拔任用和评优评先的参考。`,
    })),
    ...lowest.map((r, i) => ({
      tenantId, schemeId: scheme.id, targetId: r.targetId, personId: head(r.code), kind: 'talk',
      talkedOn: `2026-02-${String(10 + i * 3).padStart(2, '0')}`, talkerPersonId: refs.leaders[i + 1] ?? secretaryOfParty, points: talkPoints(r.name),
      followUpDue: '2026-03-31', outcome: i === 0 ? '已报送整改方案，逾期任务已于3月中旬全部完成并销号。' : null,
      note: `${r.name}年度综合考核排名靠后，由分管校领导进行谈话督促。`,
    })),
  ];
  if (values.length) await tx.insert(resultApplications).values(values);
}
