import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity, ActivityKind, ActivityStats, InnovationProject } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface ActivityFilters {
  q?: string;
  kind?: ActivityKind;
  unitId?: string;
  projectId?: string;
  goalId?: string;
  from?: string;
  to?: string;
}

export interface ActivityFormValues {
  kind: ActivityKind;
  title: string;
  unitId: string;
  heldOn: string;
  participants?: number | null;
  summary?: string | null;
  projectId?: string | null;
  goalIds?: string[];
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (q: ActivityFilters & { page: number; pageSize: number; sort?: string }) => ['activities', 'list', q] as const,
  stats: (q: { from?: string; to?: string; unitId?: string }) => ['activities', 'stats', q] as const,
  studios: ['innovation-projects', 'studios'] as const,
};

export function useActivities(query: ActivityFilters & { page: number; pageSize: number; sort?: string }) {
  return useQuery({ queryKey: activityKeys.list(query), queryFn: () => api.get<ListResult<Activity>>('/api/v1/activities', { ...query }), placeholderData: (prev) => prev });
}

export function useActivityStats(query: { from?: string; to?: string; unitId?: string }) {
  return useQuery({ queryKey: activityKeys.stats(query), queryFn: () => api.get<ActivityStats>('/api/v1/activities/stats', { ...query }) });
}

/** The 双带头人 studios activities can belong to. */
export function useStudios(enabled = true) {
  return useQuery({
    queryKey: activityKeys.studios,
    queryFn: () => api.get<ListResult<InnovationProject>>('/api/v1/innovation-projects', { kind: 'dual_leader_studio', pageSize: 500 }),
    staleTime: 60_000,
    enabled,
  });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Activity | null; values: ActivityFormValues }) => {
      const body = {
        kind: values.kind, title: values.title.trim(), unitId: values.unitId, heldOn: values.heldOn, participants: values.participants ?? 0,
        summary: blankToNull(values.summary), projectId: values.projectId ?? null, goalIds: values.goalIds ?? [],
      };
      return editing ? api.patch<Activity>(`/api/v1/activities/${editing.id}`, { ...body, version: editing.version }) : api.post<Activity>('/api/v1/activities', body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

export function useDeleteActivity() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (a: Activity) => api.del(`/api/v1/activities/${a.id}`), onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.all }) });
}
