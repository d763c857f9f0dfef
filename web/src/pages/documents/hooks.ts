import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, DocumentRecord } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface DocumentFilters {
  q?: string;
  kind?: DocumentRecord['kind'];
  campaignId?: string;
  issuingUnitId?: string;
  from?: string;
  to?: string;
}

export interface DocumentQuery extends DocumentFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface DocumentFormValues {
  kind: DocumentRecord['kind'];
  title: string;
  docNo?: string | null;
  issuingUnitId?: string | null;
  issuedOn?: string | null;
  campaignId?: string | null;
  summary?: string | null;
}

export const documentKeys = {
  all: ['documents'] as const,
  list: (q: DocumentQuery) => ['documents', 'list', q] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
};

export function useDocuments(query: DocumentQuery) {
  return useQuery({
    queryKey: documentKeys.list(query),
    queryFn: () => api.get<ListResult<DocumentRecord>>('/api/v1/documents', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: documentKeys.detail(id ?? ''),
    queryFn: () => api.get<DocumentRecord>(`/api/v1/documents/${id}`),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  // document counts show on campaigns too
  return () => Promise.all([qc.invalidateQueries({ queryKey: documentKeys.all }), qc.invalidateQueries({ queryKey: ['campaigns'] })]);
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: DocumentRecord | null; values: DocumentFormValues }) => {
      const body = {
        kind: values.kind,
        title: values.title.trim(),
        docNo: blankToNull(values.docNo),
        issuingUnitId: values.issuingUnitId ?? null,
        issuedOn: values.issuedOn ?? null,
        campaignId: values.campaignId ?? null,
        summary: blankToNull(values.summary),
      };
      return editing ? api.patch<DocumentRecord>(`/api/v1/documents/${editing.id}`, { ...body, version: editing.version }) : api.post<DocumentRecord>('/api/v1/documents', body);
    },
    onSuccess: invalidate,
  });
}

export function useDeleteDocument() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (d: DocumentRecord) => api.del(`/api/v1/documents/${d.id}`), onSuccess: invalidate });
}

/** Upload a file to a document through the shared attachments API. */
export function useUploadFile() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ documentId, file }: { documentId: string; file: File }) => {
      const form = new FormData();
      form.append('entity', 'document');
      form.append('entityId', documentId);
      form.append('file', file, file.name);
      return api.post<Attachment>('/api/v1/attachments', undefined, { form });
    },
    onSuccess: invalidate,
  });
}

export function useRemoveFile() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (a: Attachment) => api.del(`/api/v1/attachments/${a.id}`), onSuccess: invalidate });
}
