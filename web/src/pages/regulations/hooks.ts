import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Regulation, RegulationCleanup, RegulationDetail } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface RegulationFilters {
  q?: string;
  status?: Regulation['status'];
  category?: Regulation['category'];
  ownerUnitId?: string;
  current?: 'true' | 'false';
}

export interface RegulationFormValues {
  title: string;
  docNo?: string | null;
  ownerUnitId: string;
  category: Regulation['category'];
  body?: string | null;
}

export const regulationKeys = {
  all: ['regulations'] as const,
  list: (q: RegulationFilters & { page: number; pageSize: number; sort?: string }) => ['regulations', 'list', q] as const,
  detail: (id: string) => ['regulations', 'detail', id] as const,
  cleanup: (from: string, to: string) => ['regulations', 'cleanup', from, to] as const,
};

export function useRegulations(query: RegulationFilters & { page: number; pageSize: number; sort?: string }) {
  return useQuery({ queryKey: regulationKeys.list(query), queryFn: () => api.get<ListResult<Regulation>>('/api/v1/regulations', { ...query }), placeholderData: (prev) => prev });
}

export function useRegulation(id: string | undefined) {
  return useQuery({ queryKey: regulationKeys.detail(id ?? ''), queryFn: () => api.get<RegulationDetail>(`/api/v1/regulations/${id}`), enabled: !!id });
}

export function useCleanup(from: string, to: string) {
  return useQuery({ queryKey: regulationKeys.cleanup(from, to), queryFn: () => api.get<RegulationCleanup>('/api/v1/regulations/cleanup', { from, to }) });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: regulationKeys.all });
}

export function useSaveRegulation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Regulation | null; values: RegulationFormValues }) => {
      const body = { title: values.title.trim(), docNo: blankToNull(values.docNo), ownerUnitId: values.ownerUnitId, category: values.category, body: blankToNull(values.body) };
      return editing ? api.patch<RegulationDetail>(`/api/v1/regulations/${editing.id}`, { ...body, version: editing.version }) : api.post<RegulationDetail>('/api/v1/regulations', body);
    },
    onSuccess: invalidate,
  });
}

export type Step = 'publish' | 'revise' | 'abolish';

export function useRegulationStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: Step; body: Record<string, unknown> }) => api.post<RegulationDetail>(`/api/v1/regulations/${id}/${step}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteRegulation() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (r: Regulation) => api.del(`/api/v1/regulations/${r.id}`), onSuccess: invalidate });
}
