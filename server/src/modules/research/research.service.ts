import type { z } from 'zod';
import type { researchTopicCreate, researchTopicUpdate, ResearchStatus, ResearchTopicDetail } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from './research.repo.js';
import * as refs from '../study/refs.repo.js';
import { presentTopic, presentTopicDetail } from './research.presenter.js';
import { canMove } from './research.rules.js';

type TopicCreate = z.infer<typeof researchTopicCreate>;
type TopicUpdate = z.infer<typeof researchTopicUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

export async function listTopics(db: Db, ctx: RequestContext, f: repo.TopicFilter, page: Page) {
  const { rows, total } = await repo.listTopics(db, ctx.tenantId, ctx.scope, f, page);
  const units = await repo.listTopicUnits(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentTopic(r, units)), total };
}

/** A topic the caller may see (404 otherwise: topics outside the scope are not revealed). */
export async function loadTopic(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getTopic(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('RESEARCH_TOPIC_NOT_FOUND', 'research topic');
  return row;
}

export async function getTopicDetail(db: Db, ctx: RequestContext, id: string): Promise<ResearchTopicDetail> {
  const row = await loadTopic(db, ctx, id);
  // Sequential: `db` may be a transaction, which runs one statement at a time.
  const units = await repo.listTopicUnits(db, ctx.tenantId, [id]);
  const problems = await repo.listProblems(db, ctx.tenantId, { topicId: id });
  return presentTopicDetail(row, units, problems);
}

/** Outside "all", a topic is written by its leader or for units that all lie in the caller's scope. */
function requireTopicInScope(ctx: RequestContext, leaderPersonId: string, unitIds: string[]) {
  if (ctx.scope.kind === 'all' || (ctx.scope.personId && leaderPersonId === ctx.scope.personId)) return;
  if (unitIds.every((u) => unitInScope(ctx.scope, u))) return;
  throw new AppError('OUT_OF_SCOPE', 'lead the topic yourself or keep to the units of your scope', { issues: [{ path: 'body.unitIds', message: 'outside your scope' }] });
}

async function checkInput(tx: Db, ctx: RequestContext, input: Partial<TopicCreate>) {
  if (input.leaderPersonId) await refs.requirePerson(tx, ctx.tenantId, input.leaderPersonId, 'body.leaderPersonId');
  if (input.unitIds) {
    const dup = refs.firstDuplicate(input.unitIds);
    if (dup >= 0) throw invalid(`body.unitIds.${dup}`, 'unit listed twice');
    await refs.requireUnits(tx, ctx.tenantId, input.unitIds, 'body.unitIds');
  }
  if (input.campaignId) await refs.requireCampaign(tx, ctx.tenantId, input.campaignId, 'body.campaignId');
  if (input.reportDocumentId) await refs.requireDocument(tx, ctx.tenantId, input.reportDocumentId, 'body.reportDocumentId');
}

const gramsOf = (t: { title: string; problemArea: string; findings: string | null }) => grams(t.title, t.problemArea, t.findings);

export async function createTopic(db: Db, ctx: RequestContext, input: TopicCreate) {
  return db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    requireTopicInScope(ctx, input.leaderPersonId, input.unitIds);
    // A topic named without a campaign belongs to the campaign under way.
    const campaignId = input.campaignId === undefined ? await refs.activeCampaignId(tx, ctx.tenantId) : input.campaignId;
    const findings = input.findings ?? null;
    const { id } = await repo.insertTopic(tx, {
      tenantId: ctx.tenantId, campaignId, title: input.title, problemArea: input.problemArea, leaderPersonId: input.leaderPersonId,
      reportDocumentId: input.reportDocumentId ?? null, findings, searchGrams: gramsOf({ ...input, findings }),
    });
    await repo.replaceTopicUnits(tx, ctx.tenantId, id, input.unitIds);
    const after = await getTopicDetail(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'research_topic', entityId: id, after });
    return after;
  });
}

export async function updateTopic(db: Db, ctx: RequestContext, id: string, input: TopicUpdate) {
  return db.transaction(async (tx) => {
    const before = await getTopicDetail(tx, ctx, id);
    await checkInput(tx, ctx, input);
    if (input.leaderPersonId || input.unitIds) requireTopicInScope(ctx, input.leaderPersonId ?? before.leaderPersonId, input.unitIds ?? before.units.map((u) => u.id));
    if (input.status && !canMove(before.status, input.status as ResearchStatus)) {
      throw new AppError('RESEARCH_STATUS_INVALID', `a ${before.status} topic cannot become ${input.status}`, { from: before.status, to: input.status, issues: [{ path: 'body.status', message: 'not the next step' }] });
    }
    const { version, unitIds, ...patch } = input;
    const merged = { title: patch.title ?? before.title, problemArea: patch.problemArea ?? before.problemArea, findings: patch.findings === undefined ? before.findings : patch.findings };
    const ok = await repo.updateTopic(tx, ctx.tenantId, id, version, { ...patch, searchGrams: gramsOf(merged) });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the topic was changed by someone else; reload and retry', { currentVersion: before.version });
    if (unitIds) await repo.replaceTopicUnits(tx, ctx.tenantId, id, unitIds);
    const after = await getTopicDetail(tx, { ...ctx, scope: { kind: 'all' } }, id);
    const action = input.status && input.status !== before.status ? 'transition' : 'update';
    await appendAudit(tx, ctx, { action, entity: 'research_topic', entityId: id, before, after });
    return after;
  });
}

export async function deleteTopic(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getTopicDetail(tx, ctx, id);
    if (before.problems.some((p) => p.rectificationTaskId)) throw new AppError('TOPIC_HAS_TASKS', 'problems of this topic became rectification tasks');
    await repo.deleteTopic(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'research_topic', entityId: id, before });
  });
}
