import type { Attachment, DocumentRecord } from '@santong/contract';

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
  docNo: string | null;
  issuingUnitId: string | null;
  issuingUnitName: string | null;
  issuedOn: string | null;
  campaignId: string | null;
  campaignTitle: string | null;
  summary: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const presentDocument = (d: DocumentRow, files: Attachment[]): DocumentRecord => ({
  ...d,
  kind: d.kind as DocumentRecord['kind'],
  files,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

export const documentKindLabel: Record<DocumentRecord['kind'], string> = { plan: '方案', notice: '通知', minutes: '纪要', report: '报告', other: '其他' };
