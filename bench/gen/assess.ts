import { defaultBands } from '@santong/contract';
import { assessmentIndicators, assessmentSchemes, assessmentTargets, raterAssignments, raterGroups, ratingScores, users } from '../../server/src/db/schema/index.js';
import { insertBatched } from './batch.js';
import type { TenantRefs } from './refs.js';

/**
 * Last year's assessment, closed with every form submitted: targets ×
 * 60 leaf indicators (3 tracks × 4 groups × 5 leaves) × raters in three
 * weighted groups — at scale M 200 × 60 × 30 = 360k scores, the input of the
 * computation benchmark.
 */
export async function genAssessment(t: TenantRefs): Promise<number> {
  const { r } = t;
  const targets = t.spec.assessmentTargets;
  const raters = t.spec.assessmentRaters;
  if (!targets || !raters) return 0;
  const year = Number(t.today.slice(0, 4)) - 1;
  const schemeId = r.uuid();
  await insertBatched(t.db, assessmentSchemes, [{
    id: schemeId, tenantId: t.tenantId, year, title: `${year}年度院系党建与业务工作综合考核`, status: 'closed', trimmedMean: true,
    // the product's own bands ({name, label, minScore, maxShare}), as the demo and the scheme form store them
    bands: defaultBands,
  }]);

  const indicators: (typeof assessmentIndicators.$inferInsert)[] = [];
  const leaves: { id: string; max: number }[] = [];
  const tracks = [['party', '党建工作', 40], ['business', '事业发展', 40], ['featured', '特色工作', 20]] as const;
  tracks.forEach(([track, name, weight], ti) => {
    const top = r.uuid();
    indicators.push({ id: top, tenantId: t.tenantId, schemeId, parentId: null, name, weight, maxScore: 100, track, method: 'manual', sortOrder: ti });
    for (let g = 0; g < 4; g++) {
      const mid = r.uuid();
      indicators.push({ id: mid, tenantId: t.tenantId, schemeId, parentId: top, name: `${name}${g + 1}`, weight: 25, maxScore: 100, track, method: 'manual', sortOrder: g });
      for (let l = 0; l < 5; l++) {
        const leaf = r.uuid();
        indicators.push({ id: leaf, tenantId: t.tenantId, schemeId, parentId: mid, name: `${name}${g + 1}.${l + 1}`, weight: 20, observationPoints: '查阅材料、现场查看', maxScore: 10, track, method: 'manual', sortOrder: l });
        leaves.push({ id: leaf, max: 10 });
      }
    }
  });
  await insertBatched(t.db, assessmentIndicators, indicators);

  const hosts = t.units.filter((u) => u.kind !== 'committee');
  const targetRows = Array.from({ length: Math.min(targets, hosts.length) }, (_, i) => ({ id: r.uuid(), tenantId: t.tenantId, schemeId, unitId: hosts[i].id, name: hosts[i].short }));
  await insertBatched(t.db, assessmentTargets, targetRows);

  const groups = [['校领导', 40], ['院系互评', 30], ['教职工代表', 30]] as const;
  const groupIds = groups.map(() => r.uuid());
  await insertBatched(t.db, raterGroups, groups.map(([name, weight], i) => ({ id: groupIds[i], tenantId: t.tenantId, schemeId, name, weight })));
  const raterUsers = Array.from({ length: raters }, (_, i) => ({
    id: r.uuid(), tenantId: t.tenantId, username: `rater${String(i + 1).padStart(2, '0')}`, displayName: `评分人${i + 1}`, passwordHash: t.passwordHash, roles: ['member'],
  }));
  await insertBatched(t.db, users, raterUsers);

  const assignments: { id: string; quality: number }[] = [];
  const assignmentRows = function* () {
    for (const target of targetRows) {
      const quality = 70 + r.int(0, 25);
      for (let i = 0; i < raterUsers.length; i++) {
        const id = r.uuid();
        assignments.push({ id, quality });
        yield { id, tenantId: t.tenantId, schemeId, groupId: groupIds[i % groupIds.length], raterUserId: raterUsers[i].id, targetId: target.id, status: 'submitted', submittedAt: new Date(`${year}-12-20T08:00:00Z`) };
      }
    }
  };
  let n = await insertBatched(t.db, raterAssignments, assignmentRows());
  n += await insertBatched(t.db, ratingScores, (function* () {
    for (const a of assignments) {
      for (const leaf of leaves) {
        const pct = Math.max(0, Math.min(100, a.quality + r.int(-12, 12)));
        yield { tenantId: t.tenantId, assignmentId: a.id, indicatorId: leaf.id, score: Math.round(pct * leaf.max) / 100 };
      }
    }
  })(), 5000);
  return n + indicators.length + targetRows.length + raterUsers.length + 1;
}
