import { z } from 'zod';
import { attachment, isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 方案, 通知, 纪要, 报告, 其他 (S3). */
export const documentKinds = ['plan', 'notice', 'minutes', 'report', 'other'] as const;
export const documentKind = z.enum(documentKinds);

export const documentRecord = z
  .object({
    id: z.uuid(),
    kind: documentKind,
    title: z.string(),
    docNo: z.string().nullable(),
    issuingUnitId: z.uuid().nullable(),
    issuingUnitName: z.string().nullable(),
    issuedOn: isoDate.nullable(),
    campaignId: z.uuid().nullable(),
    campaignTitle: z.string().nullable(),
    summary: z.string().nullable(),
    files: z.array(attachment),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Document' });
export type DocumentRecord = z.infer<typeof documentRecord>;

const documentFields = {
  kind: documentKind,
  title: text(200),
  docNo: optionalText(60),
  issuingUnitId: z.uuid().nullish(),
  issuedOn: isoDate.nullish(),
  campaignId: z.uuid().nullish(),
  summary: optionalText(4000),
};
export const documentCreate = z.object(documentFields).strict();
export const documentUpdate = z.object(documentFields).partial().extend({ version: z.number().int() }).strict();

export const documentListQuery = z
  .object({
    ...pageQuery,
    campaignId: z.uuid().optional(),
    kind: documentKind.optional(),
    issuingUnitId: z.uuid().optional(),
    q: z.string().trim().max(100).optional(),
    from: isoDate.optional().describe('issued on or after'),
    to: isoDate.optional().describe('issued on or before'),
  })
  .strict();
export const documentExportQuery = documentListQuery.omit({ page: true, pageSize: true });
export const documentList = listOf(documentRecord);
