import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { defaultBands } from '@santong/contract';
import {
  assessmentIndicators, assessmentSchemes, assessmentTargets, raterAssignments, raterGroups, ratingScores, selfScores, targetAdjustments, targetReports, users,
} from '../../db/schema/index.js';
import { rowsOf } from '../../access/scope.js';
import { notify } from '../../platform/notify/notify.service.js';
import { ownUnits } from '../../modules/assessment/raters.repo.js';
import { ratesOwnUnit } from '../../modules/assessment/raters.service.js';
import type { DemoRefs } from './refs.js';
import { demoAdjustmentItems, demoTree, headReport, secretaryReport, selfEvidence, type SeedIndicator } from './assessment-tree.js';

/**
 * 年度考核 (S13): last year's scheme fully rated and closed (the results
 * seeder computes and publishes it), this year's open for rating with the
 * self reports and self scores in and some forms submitted.
 */
const targetCodes = ['JD-XY', 'XX-XY', 'JG-XY', 'YS-XY', 'DZB', 'ZZB', 'XCB', 'JWC', 'XGC', 'KYC', 'CWC', 'HQC', 'JYZX', 'TSG'];
const LEAF_MAX = 10;

interface Target { id: string; code: string; unitId: string; pairedUnitId: string | null; name: string; quality: number }
interface Rater { userId: string; username: string; bias: number }
interface Leaf { id: string; track: string }

/**
 * `withData` false: every leaf is rated by hand. Last year's (2025) scheme is
 * seeded that way, since the demo's records all date from 2026 and the data
 * indicators would find nothing for 2025.
 */
function flattenTree(tenantId: string, schemeId: string, withData: boolean) {
  const rows: (typeof assessmentIndicators.$inferInsert)[] = [];
  const leaves: Leaf[] = [];
  const walk = (n: SeedIndicator, track: string, parentId: string | null, order: number) => {
    const id = crypto.randomUUID();
    const isLeaf = !n.children?.length;
    const formula = withData ? (n.formula ?? null) : null;
    rows.push({
      id, tenantId, schemeId, parentId, name: n.name, weight: n.weight, observationPoints: n.points ?? null, track, sortOrder: order * 10,
      maxScore: isLeaf ? LEAF_MAX : 100, method: formula ? 'data' : 'manual', formula,
    });
    if (isLeaf && !formula) leaves.push({ id, track });
    n.children?.forEach((c, i) => walk(c, track, id, i + 1));
  };
  demoTree.forEach((t, i) => walk(t.node, t.track, null, i + 1));
  return { rows, leaves };
}

/** Existing user of a person, or a new one with the demo password and the given role. */
async function userFor(refs: DemoRefs, personId: string, username: string, role: string, hash: string): Promise<{ id: string; username: string }> {
  const found = rowsOf<{ id: string; username: string }>(await refs.tx.execute(sql`select id, username from users where tenant_id = ${refs.tenantId} and (person_id = ${personId} or username = ${username}) order by (username = ${username}) desc limit 1`));
  if (found[0]) return found[0];
  const [p] = rowsOf<{ name: string }>(await refs.tx.execute(sql`select name from people where id = ${personId}`));
  const [u] = await refs.tx.insert(users).values({ tenantId: refs.tenantId, username, displayName: p.name, roles: [role], passwordHash: hash, personId }).returning({ id: users.id, username: users.username });
  return u;
}

/** 校领导 (the six school leaders), 互评 (heads and liaisons of units) and 教职工代表 (staff representatives). */
async function raterPanels(refs: DemoRefs) {
  const [tpl] = rowsOf<{ hash: string }>(await refs.tx.execute(sql`select password_hash as hash from users where tenant_id = ${refs.tenantId} and username = 'leader'`));
  const bias = () => (refs.next() - 0.5) * 0.08;
  const mk = (u: { id: string; username: string }, b = bias()): Rater => ({ userId: u.id, username: u.username, bias: b });
  const leaders: Rater[] = [];
  for (const [i, personId] of refs.leaders.entries()) leaders.push(mk(await userFor(refs, personId, i === 3 ? 'leader' : `leader${i + 1}`, 'leader', tpl.hash), bias() - 0.02));
  const heads: Rater[] = [];
  for (const code of ['JWC', 'KYC', 'XGC', 'CWC']) heads.push(mk(await userFor(refs, refs.staffByUnit.get(code)![0], `head-${code.toLowerCase()}`, 'unit_head', tpl.hash)));
  const peerUsers = rowsOf<{ id: string; username: string }>(await refs.tx.execute(sql`select id, username from users where tenant_id = ${refs.tenantId}
    and (username in ('unithead', 'liaison-xx', 'liaison-jg', 'liaison-ys')) order by username`));
  const peers = [...peerUsers.map((u) => mk(u)), ...heads];
  const staff: Rater[] = [];
  for (const name of ['member', 'inspector']) {
    const [u] = rowsOf<{ id: string; username: string }>(await refs.tx.execute(sql`select id, username from users where tenant_id = ${refs.tenantId} and username = ${name}`));
    if (u) staff.push(mk(u, bias() + 0.02));
  }
  for (const [i, code] of ['JG-XY', 'YS-XY', 'JWC', 'HQC'].entries()) {
    const personId = refs.staffByUnit.get(code)!.at(-1 - i)!;
    staff.push(mk(await userFor(refs, personId, `staffrep${i + 1}`, 'member', tpl.hash), bias() + 0.02));
  }
  return [
    { name: '校领导', weight: 40, raters: leaders },
    { name: '单位互评', weight: 30, raters: peers },
    { name: '教职工代表', weight: 30, raters: staff },
  ];
}

async function loadTargets(refs: DemoRefs, quality: Map<string, number>): Promise<Omit<Target, 'id'>[]> {
  const res = await refs.tx.execute(sql`select code, id, coalesce(short_name, name) as name, paired_unit_id as "pairedUnitId" from units where tenant_id = ${refs.tenantId} and code in ${sql.raw(`('${targetCodes.join("','")}')`)}`);
  const byCode = new Map(rowsOf<{ code: string; id: string; name: string; pairedUnitId: string | null }>(res).map((u) => [u.code, u]));
  return targetCodes.map((code) => {
    const u = byCode.get(code)!;
    if (!quality.has(code)) quality.set(code, 0.74 + refs.next() * 0.2);
    return { code, unitId: u.id, pairedUnitId: u.pairedUnitId, name: u.name, quality: quality.get(code)! };
  });
}

const clampScore = (x: number) => Math.round(Math.min(LEAF_MAX, Math.max(LEAF_MAX * 0.4, x * LEAF_MAX)) * 2) / 2;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface SchemeSpec {
  year: number;
  status: 'closed' | 'rating';
  selfReportDeadline: string;
  ratingDeadline: string;
  /** forms are submitted within the 12 days before this */
  submittedBy: string;
  reportAt: (i: number) => Date;
  /** per rater and target: 'submitted', 'partial' or 'open' */
  formState: (r: Rater, targetIndex: number) => 'submitted' | 'partial' | 'open';
  adjustments: [code: string, item: string, points: number, evidence: string][];
}

async function seedScheme(refs: DemoRefs, spec: SchemeSpec, panels: Awaited<ReturnType<typeof raterPanels>>, quality: Map<string, number>) {
  const { tx, tenantId } = refs;
  const [scheme] = await tx.insert(assessmentSchemes).values({
    tenantId, year: spec.year, title: `${spec.year}年度二级单位党建与事业发展“三同”综合考核`, status: spec.status, trimmedMean: true, bands: defaultBands,
    adjustmentItems: demoAdjustmentItems, selfReportDeadline: spec.selfReportDeadline, ratingDeadline: spec.ratingDeadline,
  }).returning({ id: assessmentSchemes.id });
  const { rows, leaves } = flattenTree(tenantId, scheme.id, spec.year >= 2026);
  await tx.insert(assessmentIndicators).values(rows);

  const seeds = await loadTargets(refs, quality);
  const inserted = await tx.insert(assessmentTargets).values(seeds.map((t) => ({ tenantId, schemeId: scheme.id, unitId: t.unitId, pairedUnitId: t.pairedUnitId, name: t.name }))).returning({ id: assessmentTargets.id, unitId: assessmentTargets.unitId });
  const targets: Target[] = seeds.map((t) => ({ ...t, id: inserted.find((x) => x.unitId === t.unitId)!.id }));
  await tx.insert(targetReports).values(targets.flatMap((t, i) => [
    { tenantId, targetId: t.id, kind: 'head', body: headReport(t.name, spec.year), deadline: spec.selfReportDeadline, submittedAt: spec.reportAt(i) },
    { tenantId, targetId: t.id, kind: 'secretary', body: secretaryReport(t.name, spec.year), deadline: spec.selfReportDeadline, submittedAt: spec.reportAt(i + 1) },
  ]));
  await tx.insert(selfScores).values(targets.flatMap((t) => leaves.map((l, k) => ({
    tenantId, targetId: t.id, indicatorId: l.id, score: clampScore(t.quality + 0.06 + (refs.next() - 0.5) * 0.08), evidence: selfEvidence[k % selfEvidence.length],
  }))));
  if (spec.adjustments.length) {
    await tx.insert(targetAdjustments).values(spec.adjustments.map(([code, item, points, evidence]) => ({
      tenantId, targetId: targets.find((t) => t.code === code)!.id, kind: demoAdjustmentItems.find((a) => a.code === item)!.kind, item, points, evidence,
    })));
  }
  await seedRatings(refs, scheme.id, spec, panels, targets, leaves);
  return scheme.id;
}

async function seedRatings(refs: DemoRefs, schemeId: string, spec: SchemeSpec, panels: Awaited<ReturnType<typeof raterPanels>>, targets: Target[], leaves: Leaf[]) {
  const { tx, tenantId } = refs;
  const own = await ownUnits(tx, tenantId, panels.flatMap((p) => p.raters.map((r) => r.userId)));
  const assignments: (typeof raterAssignments.$inferInsert)[] = [];
  const plan: { id: string; rater: Rater; target: Target; state: string }[] = [];
  for (const p of panels) {
    const [g] = await tx.insert(raterGroups).values({ tenantId, schemeId, name: p.name, weight: p.weight }).returning({ id: raterGroups.id });
    for (const rater of p.raters) {
      targets.forEach((target, ti) => {
        if (ratesOwnUnit(own.get(rater.userId), target)) return;
        const id = crypto.randomUUID();
        const state = spec.formState(rater, ti);
        const submittedAt = state === 'submitted' ? new Date(Date.parse(spec.submittedBy) - Math.floor(refs.next() * 12 * 24) * 3_600_000) : null;
        assignments.push({ id, tenantId, schemeId, groupId: g.id, raterUserId: rater.userId, targetId: target.id, status: state === 'submitted' ? 'submitted' : 'open', submittedAt });
        plan.push({ id, rater, target, state });
      });
    }
  }
  await insertChunks(assignments, (c) => tx.insert(raterAssignments).values(c));
  const scores: (typeof ratingScores.$inferInsert)[] = [];
  for (const f of plan) {
    if (f.state === 'open') continue;
    const scored = f.state === 'submitted' ? leaves : leaves.slice(0, Math.ceil(leaves.length / 2));
    for (const l of scored) scores.push({ tenantId, assignmentId: f.id, indicatorId: l.id, score: clampScore(f.target.quality + f.rater.bias + (refs.next() - 0.5) * 0.12) });
  }
  await insertChunks(scores, (c) => tx.insert(ratingScores).values(c));
  if (spec.status === 'rating') {
    await notify(tx, tenantId, [...new Set(plan.map((f) => f.rater.userId))], {
      kind: 'rating.opened', title: `${spec.year}年度综合考核：评分已开始`, body: `请于 ${spec.ratingDeadline} 前完成评分并提交。`, link: '/assess/ratings', entity: 'assessment_scheme', entityId: schemeId,
    });
  }
}

const at = (iso: string, i: number) => new Date(Date.parse(iso) + i * 7 * 3_600_000);

export async function seedAssessment(refs: DemoRefs) {
  const panels = await raterPanels(refs);
  const quality = new Map<string, number>();
  await seedScheme(refs, {
    year: 2025, status: 'closed', selfReportDeadline: '2025-12-20', ratingDeadline: '2026-01-10', submittedBy: '2026-01-08T09:00:00Z', reportAt: (i) => at('2025-12-12T01:30:00Z', i),
    formState: () => 'submitted',
    adjustments: [
      ['JD-XY', 'provincial_award', 2, '机电学院党总支获评全省高校先进基层党组织（省委教育工委通报）'],
      ['XX-XY', 'experience_promoted', 1, '“数字党建+专业群”做法被省委教育工委工作简报刊发推广'],
      ['KYC', 'provincial_award', 1, '产教融合项目获省级教学成果二等奖'],
      ['HQC', 'supervision_notice', 1.5, '学生食堂食品安全检查问题逾期未整改，被学校督查通报'],
      ['TSG', 'supervision_notice', 0.5, '意识形态阵地管理专项检查问题整改不及时'],
    ],
  }, panels, quality);
  // This year: leader and member keep open forms; others submitted about 40%, some half-filled.
  await seedScheme(refs, {
    year: 2026, status: 'rating', selfReportDeadline: '2026-11-20', ratingDeadline: '2026-12-15', submittedBy: '2026-11-27T09:00:00Z', reportAt: (i) => at('2026-11-14T01:30:00Z', i),
    formState: (r, ti) => {
      if (r.username === 'member') return ti === 0 ? 'partial' : 'open';
      if (r.username === 'leader') return ti < 2 ? 'submitted' : ti === 2 ? 'partial' : 'open';
      const x = refs.next();
      return x < 0.4 ? 'submitted' : x < 0.6 ? 'partial' : 'open';
    },
    adjustments: [['YS-XY', 'provincial_award', 1, '艺术学院师生作品获全省职业院校技能大赛一等奖（集体）']],
  }, panels, quality);
}
