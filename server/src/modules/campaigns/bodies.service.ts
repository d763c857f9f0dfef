import type { z } from 'zod';
import { singletonBodyKinds, type campaignBodyCreate, type campaignBodyUpdate, type campaignMemberCreate, type campaignMemberUpdate, type CampaignBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { getPerson } from '../org/people.repo.js';
import { getUnit } from '../org/units.repo.js';
import * as repo from './campaigns.repo.js';
import { assertOpen, loadCampaign } from './campaigns.service.js';
import { presentBody, presentMember } from './campaigns.presenter.js';

type BodyCreate = z.infer<typeof campaignBodyCreate>;
type BodyUpdate = z.infer<typeof campaignBodyUpdate>;
type MemberCreate = z.infer<typeof campaignMemberCreate>;
type MemberUpdate = z.infer<typeof campaignMemberUpdate>;

/** The body with its members, as the API shows it. */
async function bodyView(db: Db, tenantId: string, id: string): Promise<CampaignBody> {
  const body = await repo.getBody(db, tenantId, id);
  if (!body) throw notFound('CAMPAIGN_BODY_NOT_FOUND', 'campaign body');
  return presentBody(body, await repo.listMembers(db, tenantId, [id]));
}

/** Loads a body and its campaign, refusing changes once the campaign is closed. */
async function loadOpenBody(db: Db, ctx: RequestContext, id: string) {
  const body = await repo.getBody(db, ctx.tenantId, id);
  if (!body) throw notFound('CAMPAIGN_BODY_NOT_FOUND', 'campaign body');
  assertOpen(await loadCampaign(db, ctx, body.campaignId));
  return body;
}

export async function addBody(db: Db, ctx: RequestContext, campaignId: string, input: BodyCreate) {
  return db.transaction(async (tx) => {
    assertOpen(await loadCampaign(tx, ctx, campaignId));
    if ((singletonBodyKinds as readonly string[]).includes(input.kind) && (await repo.countBodiesOfKind(tx, ctx.tenantId, campaignId, input.kind)) > 0)
      throw new AppError('DUPLICATE', `the campaign already has a ${input.kind}`, { issues: [{ path: 'body.kind', message: 'only one per campaign' }] });
    const [row] = await repo.insertBodies(tx, [
      { tenantId: ctx.tenantId, campaignId, kind: input.kind, name: input.name, duty: input.duty ?? null, sortOrder: input.sortOrder ?? 100 },
    ]);
    const after = await bodyView(tx, ctx.tenantId, row.id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'campaign_body', entityId: row.id, after });
    return after;
  });
}

export async function updateBody(db: Db, ctx: RequestContext, id: string, input: BodyUpdate) {
  return db.transaction(async (tx) => {
    await loadOpenBody(tx, ctx, id);
    const before = await bodyView(tx, ctx.tenantId, id);
    await repo.updateBody(tx, ctx.tenantId, id, input);
    const after = await bodyView(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'campaign_body', entityId: id, before: { ...before, members: undefined }, after: { ...after, members: undefined } });
    return after;
  });
}

export async function removeBody(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    await loadOpenBody(tx, ctx, id);
    const before = await bodyView(tx, ctx.tenantId, id);
    await repo.deleteBody(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'campaign_body', entityId: id, before });
  });
}

async function checkUnit(db: Db, ctx: RequestContext, unitId: string | null | undefined) {
  if (unitId && !(await getUnit(db, ctx.tenantId, unitId))) throw invalid('body.unitId', 'unknown unit');
}

export async function addMember(db: Db, ctx: RequestContext, bodyId: string, input: MemberCreate) {
  return db.transaction(async (tx) => {
    const body = await loadOpenBody(tx, ctx, bodyId);
    const person = await getPerson(tx, ctx.tenantId, input.personId);
    if (!person) throw invalid('body.personId', 'unknown person');
    await checkUnit(tx, ctx, input.unitId);
    if (await repo.memberOfBody(tx, ctx.tenantId, bodyId, input.personId))
      throw new AppError('DUPLICATE', `${person.name} is already a member of ${body.name}`, { issues: [{ path: 'body.personId', message: 'already a member' }] });
    // A liaison speaks for a unit: default to the person's own unit.
    const unitId = input.unitId ?? (body.kind === 'liaison_team' ? person.unitId : null);
    const [row] = await repo.insertMembers(tx, [{ tenantId: ctx.tenantId, bodyId, personId: input.personId, role: input.role, unitId, sortOrder: input.sortOrder ?? 0 }]);
    if (!row) throw new AppError('DUPLICATE', 'already a member', { issues: [{ path: 'body.personId', message: 'already a member' }] });
    const [after] = (await repo.listMembers(tx, ctx.tenantId, [bodyId])).filter((m) => m.id === row.id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'campaign_member', entityId: row.id, after });
    return presentMember(after);
  });
}

async function memberView(db: Db, tenantId: string, bodyId: string, id: string) {
  const [m] = (await repo.listMembers(db, tenantId, [bodyId])).filter((x) => x.id === id);
  return m;
}

export async function updateMember(db: Db, ctx: RequestContext, id: string, input: MemberUpdate) {
  return db.transaction(async (tx) => {
    const member = await repo.getMember(tx, ctx.tenantId, id);
    if (!member) throw notFound('CAMPAIGN_MEMBER_NOT_FOUND', 'member');
    await loadOpenBody(tx, ctx, member.bodyId);
    await checkUnit(tx, ctx, input.unitId);
    const before = await memberView(tx, ctx.tenantId, member.bodyId, id);
    await repo.updateMember(tx, ctx.tenantId, id, input);
    const after = await memberView(tx, ctx.tenantId, member.bodyId, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'campaign_member', entityId: id, before, after });
    return presentMember(after);
  });
}

export async function removeMember(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const member = await repo.getMember(tx, ctx.tenantId, id);
    if (!member) throw notFound('CAMPAIGN_MEMBER_NOT_FOUND', 'member');
    await loadOpenBody(tx, ctx, member.bodyId);
    const before = await memberView(tx, ctx.tenantId, member.bodyId, id);
    await repo.deleteMember(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'campaign_member', entityId: id, before });
  });
}

/** Adds every unit's liaison officer who is not yet in the liaison team. */
export async function fillLiaisons(db: Db, ctx: RequestContext, bodyId: string) {
  return db.transaction(async (tx) => {
    const body = await loadOpenBody(tx, ctx, bodyId);
    if (body.kind !== 'liaison_team') throw invalid('params.id', 'liaisons are added to the liaison team only');
    const liaisons = await repo.liaisonPositions(tx, ctx.tenantId);
    const added = await repo.insertMembers(
      tx,
      liaisons.map((l, i) => ({ tenantId: ctx.tenantId, bodyId, personId: l.personId, unitId: l.unitId, role: 'liaison', sortOrder: (i + 1) * 10 })),
    );
    if (added.length) await appendAudit(tx, ctx, { action: 'fill_liaisons', entity: 'campaign_body', entityId: bodyId, after: { added: added.map((m) => ({ personId: m.personId, unitId: m.unitId })) } });
    return { added: added.length, body: await bodyView(tx, ctx.tenantId, bodyId) };
  });
}
