import type { LeaderOverview, LeaderRag, LeaderTask, LeaderView } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { ragStatus, type RagSettings } from '../tasks/task.rules.js';
import * as repo from './leader.repo.js';
import { taskClock } from '../tasks/task.settings.js';
import { byUrgency, countRag, splitIds } from './leader.rules.js';

const MAX_TASKS = 500;

/** Whose view: the caller's own, or (for those who see everything) the leader they name. */
function viewedPerson(ctx: RequestContext, personId?: string): string {
  if (personId && personId !== ctx.personId) {
    if (ctx.scope.kind !== 'all') throw new AppError('OUT_OF_SCOPE', "only the office sees another leader's view", { issues: [{ path: 'querystring.personId', message: 'outside your scope' }] });
    return personId;
  }
  if (!ctx.personId) throw invalid('querystring.personId', 'required: this account is linked to no person');
  return ctx.personId;
}

function colourTasks(rows: repo.TaskRow[], personId: string, today: string, settings: RagSettings): LeaderTask[] {
  return rows.map((k) => ({
    id: k.id, title: k.title, category: k.category, status: k.status, progress: k.progress, startDate: k.startDate, dueDate: k.dueDate,
    rag: ragStatus({ ...k, lastReportAt: k.lastReportAt ? new Date(k.lastReportAt) : null }, today, settings) as LeaderRag,
    ownerUnitId: k.ownerUnitId, ownerUnitName: k.ownerUnitName, responsiblePersonId: k.responsiblePersonId, responsibleName: k.responsibleName,
    dutyUnitIds: splitIds(k.roots), mine: k.responsiblePersonId === personId,
  }));
}

async function buildView(db: Db, tenantId: string, person: repo.PersonRow, clock: { today: string; rag: RagSettings }): Promise<LeaderView> {
  const duties = await repo.listDuties(db, tenantId, person.id);
  const tasks = colourTasks(await repo.listTasks(db, tenantId, person.id), person.id, clock.today, clock.rag);
  const lectures = (await repo.listLectures(db, tenantId, person.id)).map(({ roots, ...l }) => ({ ...l, dutyUnitIds: splitIds(roots) }));
  const topics = (await repo.listTopics(db, tenantId, person.id)).map(({ roots, leaderPersonId, ...t }) => ({
    ...t, status: t.status as LeaderView['researchTopics'][number]['status'], dutyUnitIds: splitIds(roots), mine: leaderPersonId === person.id,
  }));
  const units = duties.map((d) => {
    const own = tasks.filter((k) => k.dutyUnitIds.includes(d.unitId));
    return {
      unitId: d.unitId, unitName: d.unitName, kind: d.kind, rag: countRag(own.map((k) => k.rag)), taskCount: own.length,
      lectureCount: lectures.filter((l) => l.dutyUnitIds.includes(d.unitId)).length,
      topicCount: topics.filter((t) => t.dutyUnitIds.includes(d.unitId)).length,
    };
  });
  // Red first, then amber, then the rest; capped so a huge tenant still answers quickly (the cards count all).
  const shown = [...tasks].sort(byUrgency).slice(0, MAX_TASKS);
  return { person, today: clock.today, units, rag: countRag(tasks.map((k) => k.rag)), tasks: shown, lectures, researchTopics: topics };
}

export async function leaderView(db: Db, ctx: RequestContext, personId?: string): Promise<LeaderView> {
  const id = viewedPerson(ctx, personId);
  const person = await repo.getPerson(db, ctx.tenantId, id);
  if (!person) throw notFound('PERSON_NOT_FOUND', 'person');
  return buildView(db, ctx.tenantId, person, await taskClock(db, ctx.tenantId));
}

/** One row per leader with duties (for the office's home); a leader sees only their own row. */
export async function leaderOverview(db: Db, ctx: RequestContext): Promise<LeaderOverview> {
  const clock = await taskClock(db, ctx.tenantId);
  const duties = await repo.listDuties(db, ctx.tenantId, ctx.scope.kind === 'all' ? null : (ctx.personId ?? '00000000-0000-0000-0000-000000000000'));
  const ids = [...new Set(duties.map((d) => d.personId))];
  const leaders: LeaderOverview['leaders'] = [];
  for (const id of ids) {
    const person = (await repo.getPerson(db, ctx.tenantId, id))!;
    const view = await buildView(db, ctx.tenantId, person, clock);
    leaders.push({
      personId: id, name: person.name, title: person.title,
      inCharge: view.units.filter((u) => u.kind === 'in_charge').map((u) => u.unitName),
      linked: view.units.filter((u) => u.kind === 'linked').map((u) => u.unitName),
      rag: view.rag, lectureCount: view.lectures.length, topicCount: view.researchTopics.length,
    });
  }
  return { today: clock.today, leaders };
}
