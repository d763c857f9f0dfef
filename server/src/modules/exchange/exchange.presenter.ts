import type { ExchangeMeeting } from '@santong/contract';
import type { ExchangeRow } from './exchange.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentMeeting(r: ExchangeRow): ExchangeMeeting {
  return {
    id: r.id, month: r.month, heldOn: r.heldOn, presenters: r.presenters, topics: r.topics, summary: r.summary,
    version: r.version, createdAt: iso(r.createdAt),
  };
}
