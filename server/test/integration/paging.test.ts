import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, demoTenantId, describeDb, type TestApp } from '../setup/db.js';
import { iterateOutcomes, listOutcomes } from '../../src/modules/outcomes/outcomes.repo.js';
import { iterateTaskExport, listTasks } from '../../src/modules/tasks/task.repo.js';
import type { Scope } from '../../src/access/scope.js';
import { taskClock } from '../../src/modules/tasks/task.settings.js';

/** Exports stream in list order without OFFSET: the same rows in the same order as paging through the list. */
describeDb('export paging', () => {
  let t: TestApp;
  let tenantId: string;
  const all: Scope = { kind: 'all' };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const collect = async <T>(it: AsyncIterable<T[]>) => {
    const out: T[] = [];
    for await (const rows of it) out.push(...rows);
    return out;
  };

  it('streams outcomes in the sorted list order, in small batches', async () => {
    for (const sort of [undefined, 'title', '-publishedOn']) {
      const page = await listOutcomes(t.database.db, tenantId, all, {}, { page: 1, pageSize: 500, sort });
      const streamed = await collect(iterateOutcomes(t.database.db, tenantId, all, {}, sort, 7));
      expect(streamed.length).toBe(page.total);
      expect(streamed.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    }
  });

  it('streams tasks with filters in the sorted list order', async () => {
    const v = { tenantId, scope: all, userId: '' };
    const clock = await taskClock(t.database.db, tenantId);
    const page = await listTasks(t.database.db, v, clock, { status: 'planned,in_progress' }, { page: 1, pageSize: 500, sort: '-dueDate' });
    const streamed = await collect(iterateTaskExport(t.database.db, v, clock, { status: 'planned,in_progress' }, '-dueDate', 5));
    expect(streamed.length).toBeGreaterThan(5);
    expect(streamed.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    // the export's lean rows carry the same values as the list's full ones
    const pick = ({ id, parentTitle, title, category, ownerUnitName, responsiblePersonName, startDate, dueDate, weight, status, progress, fused, issuedAt, signedAt, lastReportAt }: (typeof page.rows)[number]) =>
      ({ id, parentTitle, title, category, ownerUnitName, responsiblePersonName, startDate, dueDate, weight, status, progress, fused, issuedAt, signedAt, lastReportAt });
    expect(streamed).toEqual(page.rows.map(pick));
  });
});
