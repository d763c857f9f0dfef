import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';
import { yearMonth } from './supervision.js';

/** 每月一交流 (S14): one record per monthly exchange meeting. */
export const exchangeMeeting = z
  .object({
    id: z.uuid(),
    month: yearMonth,
    heldOn: isoDate,
    /** who presented: names, one per line or separated by 、 */
    presenters: z.string(),
    topics: z.string(),
    summary: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ExchangeMeeting' });
export type ExchangeMeeting = z.infer<typeof exchangeMeeting>;

const fields = { month: yearMonth, heldOn: isoDate, presenters: text(1000), topics: text(2000), summary: optionalText(10000) };
export const exchangeMeetingCreate = z.object(fields).strict();
export const exchangeMeetingUpdate = z.object(fields).partial().extend({ version: z.number().int() }).strict();

export const exchangeMeetingListQuery = z
  .object({ ...pageQuery, year: z.coerce.number().int().min(2000).max(2100).optional(), month: yearMonth.optional(), q: z.string().trim().max(100).optional() })
  .strict();
export const exchangeMeetingExportQuery = exchangeMeetingListQuery.omit({ page: true, pageSize: true });
export const exchangeMeetingList = listOf(exchangeMeeting);
