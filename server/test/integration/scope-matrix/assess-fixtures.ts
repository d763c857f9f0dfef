import type { ScopeCtx, Target } from './harness.js';

export const S = '/api/v1/assessment-schemes';

/** Builders of assessment records through the API as the office, shared by the assess-*.cases.ts files. */
export function assessFixtures(c: ScopeCtx) {
  const scheme = async (): Promise<{ id: string; version: number }> =>
    c.office('POST', S, {
      year: 2040, title: `权限矩阵考核${c.uniq()}`,
      adjustmentItems: [{ code: 'award', kind: 'bonus', name: '获省级表彰', cap: 3 }],
    });
  /** One manual root indicator carrying the whole weight: a valid tree. */
  const leaf = async (schemeId: string): Promise<{ id: string }> =>
    c.office('POST', `${S}/${schemeId}/indicators`, { name: '党建工作', weight: 100, track: 'party', maxScore: 10 });
  const target = async (schemeId: string, unitId: string): Promise<{ id: string; reports: { kind: string; version: number }[] }> =>
    c.office('POST', `${S}/${schemeId}/targets`, { unitId });
  const groups = async (schemeId: string): Promise<{ id: string }[]> =>
    (await c.office('PUT', `${S}/${schemeId}/rater-groups`, { groups: [{ name: '校领导', weight: 100 }] })).items;
  const moveTo = async (schemeId: string, to: string) => {
    const s = await c.office('GET', `${S}/${schemeId}`);
    return c.office('POST', `${S}/${schemeId}/transition`, { to, version: s.version });
  };
  /** A fresh draft scheme with a valid tree and the target's college as its one target. */
  const draftWithTarget = async (t: Target) => {
    const s = await scheme();
    const ind = await leaf(s.id);
    return { scheme: s, leaf: ind, target: await target(s.id, c.college(t)) };
  };
  /** Assigns users to targets (skipping their own units) and returns the assignments created, as listed to the office. */
  const assign = async (schemeId: string, groupId: string, userIds: string[], targetIds: string[]) => {
    await c.office('POST', `${S}/${schemeId}/rater-assignments`, { groupId, userIds, targetIds, skipOwnUnit: true });
    const list = await c.office('GET', `${S}/${schemeId}/rater-assignments`);
    return list.items as { id: string; raterUserId: string; targetId: string; status: string }[];
  };
  return { scheme, leaf, target, groups, moveTo, draftWithTarget, assign };
}

/** Memoises an async fixture shared by the cases of a file (built once, on first use). */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= build());
}
