import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CheckMethod, CheckResult, SupervisionAbilities, SupervisionCheck, SupervisionIndicator, SupervisionPlan, SupervisionPlanDetail, SupervisionStats,
} from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface PlanQuery {
  campaignId?: string;
  year?: number;
  page: number;
  pageSize: number;
}

export interface CheckQuery {
  planId?: string;
  campaignId?: string;
  unitId?: string;
  result?: CheckResult;
  method?: CheckMethod;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort?: string;
}

export interface IndicatorValues {
  requirement: string;
  evidence?: string | null;
  unitKinds: string[];
}

export interface CheckValues {
  method: CheckMethod;
  inspectorPersonId?: string | null;
  checkedOn: string;
  result: CheckResult;
  comment?: string | null;
  rectificationDueDate?: string;
}

export const supervisionKeys = {
  all: ['supervision'] as const,
  plans: (q: PlanQuery) => ['supervision', 'plans', q] as const,
  plan: (id: string) => ['supervision', 'plan', id] as const,
  checks: (q: CheckQuery) => ['supervision', 'checks', q] as const,
  stats: (q: { campaignId?: string; from?: string; to?: string }) => ['supervision', 'stats', q] as const,
};

export function usePlans(query: PlanQuery) {
  return useQuery({
    queryKey: supervisionKeys.plans(query),
    queryFn: () => api.get<ListResult<SupervisionPlan> & { abilities: SupervisionAbilities }>('/api/v1/supervision/plans', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: supervisionKeys.plan(id ?? ''), queryFn: () => api.get<SupervisionPlanDetail>(`/api/v1/supervision/plans/${id}`), enabled: !!id });
}

export function useChecks(query: CheckQuery, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.checks(query),
    queryFn: () => api.get<ListResult<SupervisionCheck>>('/api/v1/supervision/checks', { ...query }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useSupervisionStats(query: { campaignId?: string; from?: string; to?: string }) {
  return useQuery({ queryKey: supervisionKeys.stats(query), queryFn: () => api.get<SupervisionStats>('/api/v1/supervision/stats', { ...query }) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: supervisionKeys.all });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
const indicatorBody = (v: IndicatorValues) => ({ requirement: v.requirement.trim(), evidence: blankToNull(v.evidence), unitKinds: v.unitKinds ?? [] });

export function useSavePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: SupervisionPlan | null; values: { campaignId: string; month: string; title: string; indicators?: IndicatorValues[] } }) =>
      editing
        ? api.patch<SupervisionPlanDetail>(`/api/v1/supervision/plans/${editing.id}`, { month: values.month, title: values.title.trim(), version: editing.version })
        : api.post<SupervisionPlanDetail>('/api/v1/supervision/plans', { ...values, title: values.title.trim(), indicators: (values.indicators ?? []).map(indicatorBody) }),
    onSuccess: invalidate,
  });
}

export function useDeletePlan() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (p: SupervisionPlan) => api.del(`/api/v1/supervision/plans/${p.id}`), onSuccess: invalidate });
}

export function useSaveIndicator(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: SupervisionIndicator | null; values: IndicatorValues }) =>
      editing
        ? api.patch<SupervisionIndicator>(`/api/v1/supervision/indicators/${editing.id}`, indicatorBody(values))
        : api.post<SupervisionIndicator>(`/api/v1/supervision/plans/${planId}/indicators`, indicatorBody(values)),
    onSuccess: invalidate,
  });
}

export function useDeleteIndicator() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (i: SupervisionIndicator) => api.del(`/api/v1/supervision/indicators/${i.id}`), onSuccess: invalidate });
}

export function useSaveCheck() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, cell, values }: { editing: SupervisionCheck | null; cell: { indicatorId: string; unitId: string }; values: CheckValues }) => {
      const body = { ...values, comment: blankToNull(values.comment) };
      return editing
        ? api.patch<SupervisionCheck>(`/api/v1/supervision/checks/${editing.id}`, { ...body, version: editing.version })
        : api.post<SupervisionCheck>('/api/v1/supervision/checks', { ...body, ...cell });
    },
    onSuccess: invalidate,
  });
}

export function useDeleteCheck() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (c: SupervisionCheck) => api.del(`/api/v1/supervision/checks/${c.id}`), onSuccess: invalidate });
}
