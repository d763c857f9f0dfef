import type { ScopeCases, ScopeCtx } from './harness.js';
import { once } from './assess-fixtures.js';

/** The campaign under way, for dispatch follow-ups and supervision plans. */
export const activeCampaign = (c: ScopeCtx) =>
  once(() => c.t.sql<{ id: string }>("select id from campaigns where status = 'active' order by start_date desc limit 1").then((r) => r[0].id));

/**
 * 每周一调度 (S12) meetings and follow-ups, and 每月一交流 (S14) exchange
 * meetings. A follow-up belongs to its owner unit (the target's college);
 * meetings are campaign- or school-wide.
 */
export function assessDispatchCases(c: ScopeCtx): ScopeCases {
  const campaignId = activeCampaign(c);
  let weeks = 0;
  /** A week no meeting was prepared for yet (one meeting per campaign and week). */
  const nextWeek = () => {
    const n = weeks++;
    return `${2031 + Math.floor(n / 52)}-W${String((n % 52) + 1).padStart(2, '0')}`;
  };
  const D = '/api/v1/dispatch';
  const meeting = async (): Promise<{ id: string; version: number }> => c.office('POST', `${D}/meetings/prepare`, { campaignId: await campaignId(), isoWeek: nextWeek() });
  const followUpBody = async (unitId: string) => ({ campaignId: await campaignId(), title: `落实调度会议定事项${c.uniq()}`, ownerUnitId: unitId, dueDate: '2031-06-30' });
  const followUp = async (unitId: string): Promise<{ id: string; version: number }> => c.office('POST', `${D}/follow-ups`, await followUpBody(unitId));
  const X = '/api/v1/exchange-meetings';
  const exchange = async (): Promise<{ id: string; version: number }> =>
    c.office('POST', X, { month: '2031-03', heldOn: '2031-03-18', presenters: '王建华、刘敏', topics: '“三同”工作法在实训基地建设中的做法' });

  return {
    'GET /api/v1/dispatch/meetings/:id': async () => ({ method: 'GET', url: `${D}/meetings/${(await meeting()).id}` }),
    'PATCH /api/v1/dispatch/meetings/:id': async () => {
      const m = await meeting();
      return { method: 'PATCH', url: `${D}/meetings/${m.id}`, payload: { minutes: '会议听取了各单位重点任务推进情况。', version: m.version } };
    },
    'GET /api/v1/dispatch/follow-ups/:id': async (target) => ({ method: 'GET', url: `${D}/follow-ups/${(await followUp(c.college(target))).id}` }),
    'POST /api/v1/dispatch/follow-ups': async (target) => ({ method: 'POST', url: `${D}/follow-ups`, payload: await followUpBody(c.college(target)) }),
    'PATCH /api/v1/dispatch/follow-ups/:id': async (target) => {
      const f = await followUp(c.college(target));
      return { method: 'PATCH', url: `${D}/follow-ups/${f.id}`, payload: { title: '按期完成实训室改造', version: f.version } };
    },
    'POST /api/v1/dispatch/follow-ups/:id/close': async (target) => {
      const f = await followUp(c.college(target));
      return { method: 'POST', url: `${D}/follow-ups/${f.id}/close`, payload: { closingNote: '已按要求完成并报送材料', version: f.version } };
    },

    'GET /api/v1/exchange-meetings/:id': async () => ({ method: 'GET', url: `${X}/${(await exchange()).id}` }),
    'PATCH /api/v1/exchange-meetings/:id': async () => {
      const m = await exchange();
      return { method: 'PATCH', url: `${X}/${m.id}`, payload: { summary: '与会单位交流了经验做法。', version: m.version } };
    },
    'DELETE /api/v1/exchange-meetings/:id': async () => ({ method: 'DELETE', url: `${X}/${(await exchange()).id}` }),
  };
}
