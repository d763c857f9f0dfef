import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HonourCategory, HonourNomination, HonourQuotas, HonourRound } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export const honourKeys = {
  all: ['honours'] as const,
  rounds: (q: { page: number; pageSize: number; status?: string }) => ['honours', 'rounds', q] as const,
  round: (id: string) => ['honours', 'round', id] as const,
  nominations: (id: string, category: string) => ['honours', 'nominations', id, category] as const,
};

export function useRounds(q: { page: number; pageSize: number; status?: string }) {
  return useQuery({ queryKey: honourKeys.rounds(q), queryFn: () => api.get<ListResult<HonourRound>>('/api/v1/honour-rounds', { ...q }), placeholderData: (p) => p });
}

export function useRound(id: string | undefined) {
  return useQuery({ queryKey: honourKeys.round(id ?? ''), queryFn: () => api.get<HonourRound>(`/api/v1/honour-rounds/${id}`), enabled: !!id });
}

export function useNominations(roundId: string, category: HonourCategory) {
  return useQuery({
    queryKey: honourKeys.nominations(roundId, category),
    queryFn: () => api.get<ListResult<HonourNomination>>(`/api/v1/honour-rounds/${roundId}/nominations`, { category, pageSize: 500 }),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: honourKeys.all });
}

export interface RoundFormValues {
  year: number;
  title: string;
  quotas: HonourQuotas;
}

export function useSaveRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: HonourRound | null; values: RoundFormValues }) =>
      editing
        ? api.patch<HonourRound>(`/api/v1/honour-rounds/${editing.id}`, { title: values.title.trim(), quotas: values.quotas, version: editing.version })
        : api.post<HonourRound>('/api/v1/honour-rounds', { ...values, title: values.title.trim() }),
    onSuccess: invalidate,
  });
}

export type RoundStep = 'start-review' | 'publicity' | 'close';

export function useRoundStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: RoundStep; body?: Record<string, unknown> }) => api.post<HonourRound>(`/api/v1/honour-rounds/${id}/${step}`, body),
    onSuccess: invalidate,
  });
}

export interface NominateValues {
  category: HonourCategory;
  nomineePersonId?: string | null;
  nomineeUnitId?: string | null;
  nominatingUnitId?: string | null;
  reason: string;
}

export function useNominate(roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: NominateValues) => api.post<HonourNomination>(`/api/v1/honour-rounds/${roundId}/nominations`, v),
    onSuccess: invalidate,
  });
}

export type Decision = 'approve' | 'reject' | 'award' | 'not_award';

export function useDecide() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: Decision; note?: string | null }) =>
      api.post<HonourNomination>(`/api/v1/honour-nominations/${id}/${decision === 'approve' || decision === 'reject' ? 'review' : 'award'}`, { decision, note: note?.trim() || null }),
    onSuccess: invalidate,
  });
}

export function useWithdraw() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.del(`/api/v1/honour-nominations/${id}`), onSuccess: invalidate });
}
