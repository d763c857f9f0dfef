import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContributionArea, Outcome, OutcomeKind, OutcomeLevel, OutcomeStats } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface OutcomeFilters {
  q?: string;
  kind?: OutcomeKind;
  level?: OutcomeLevel;
  medium?: string;
  areaCode?: string;
  unitId?: string;
  from?: string;
  to?: string;
}

export interface OutcomeFormValues {
  kind: OutcomeKind;
  title: string;
  unitId: string;
  personIds?: string[];
  level: OutcomeLevel;
  medium?: string | null;
  publishedOn: string;
  link?: string | null;
  areaCode?: string | null;
}

export const outcomeKeys = {
  all: ['outcomes'] as const,
  list: (q: OutcomeFilters & { page: number; pageSize: number; sort?: string }) => ['outcomes', 'list', q] as const,
  stats: (q: { from?: string; to?: string; unitId?: string }) => ['outcomes', 'stats', q] as const,
  areas: ['contribution-areas'] as const,
};

export function useOutcomes(query: OutcomeFilters & { page: number; pageSize: number; sort?: string }) {
  return useQuery({
    queryKey: outcomeKeys.list(query),
    queryFn: () => api.get<ListResult<Outcome>>('/api/v1/outcomes', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useOutcomeStats(query: { from?: string; to?: string; unitId?: string }) {
  return useQuery({ queryKey: outcomeKeys.stats(query), queryFn: () => api.get<OutcomeStats>('/api/v1/outcomes/stats', { ...query }) });
}

export function useAreas() {
  return useQuery({ queryKey: outcomeKeys.areas, queryFn: () => api.get<{ items: ContributionArea[] }>('/api/v1/contribution-areas'), staleTime: 60_000 });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Outcome | null; values: OutcomeFormValues }) => {
      const body = {
        kind: values.kind, title: values.title.trim(), unitId: values.unitId, personIds: values.personIds ?? [], level: values.level,
        medium: blankToNull(values.medium), publishedOn: values.publishedOn, link: blankToNull(values.link), areaCode: values.areaCode ?? null,
      };
      return editing ? api.patch<Outcome>(`/api/v1/outcomes/${editing.id}`, { ...body, version: editing.version }) : api.post<Outcome>('/api/v1/outcomes', body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: outcomeKeys.all }),
  });
}

export function useDeleteOutcome() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (o: Outcome) => api.del(`/api/v1/outcomes/${o.id}`), onSuccess: () => qc.invalidateQueries({ queryKey: outcomeKeys.all }) });
}

export function useSaveArea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: ContributionArea | null; values: { code: string; name: string; sortOrder?: number } }) =>
      editing
        ? api.patch<ContributionArea>(`/api/v1/contribution-areas/${editing.id}`, { name: values.name.trim(), sortOrder: values.sortOrder ?? 0 })
        : api.post<ContributionArea>('/api/v1/contribution-areas', { code: values.code.trim(), name: values.name.trim(), sortOrder: values.sortOrder ?? 0 }),
    onSuccess: () => qc.invalidateQueries({ queryKey: outcomeKeys.areas }),
  });
}

export function useDeleteArea() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (a: ContributionArea) => api.del(`/api/v1/contribution-areas/${a.id}`), onSuccess: () => qc.invalidateQueries({ queryKey: outcomeKeys.areas }) });
}
