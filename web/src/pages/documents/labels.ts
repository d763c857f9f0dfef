import type { DocumentRecord } from '@santong/contract';

export const documentKindLabel = (k: DocumentRecord['kind']) => `document.kind.${k}` as const;
export const documentKindColor: Record<DocumentRecord['kind'], string> = { plan: 'red', notice: 'blue', minutes: 'purple', report: 'gold', other: 'default' };

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
