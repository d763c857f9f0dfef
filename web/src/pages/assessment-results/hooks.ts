import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ResultApplication, ResultApplicationKind, ResultDetail, ResultGradeDistribution, ResultPublishScope, ResultSchemeSummary, ResultTable, ResultTargetContext,
} from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export const resultKeys = {
  all: ['assessment-results'] as const,
  schemes: ['assessment-results', 'schemes'] as const,
  table: (id: string) => ['assessment-results', 'table', id] as const,
  distribution: (id: string) => ['assessment-results', 'distribution', id] as const,
  detail: (id: string, targetId: string) => ['assessment-results', 'detail', id, targetId] as const,
  context: (unitId: string, beforeYear?: number) => ['assessment-results', 'context', unitId, beforeYear] as const,
  apps: (q: ApplicationQuery) => ['assessment-results', 'applications', q] as const,
};

export interface ApplicationQuery {
  schemeId?: string;
  targetId?: string;
  personId?: string;
  unitId?: string;
  kind?: ResultApplicationKind;
  page?: number;
  pageSize?: number;
}

export const useResultSchemes = () =>
  useQuery({ queryKey: resultKeys.schemes, queryFn: () => api.get<{ items: ResultSchemeSummary[] }>('/api/v1/assessment-results') });

export const useResultTable = (id: string) =>
  useQuery({ queryKey: resultKeys.table(id), queryFn: () => api.get<ResultTable>(`/api/v1/assessment-schemes/${id}/results`), retry: false });

export const useDistribution = (id: string, enabled: boolean) =>
  useQuery({ queryKey: resultKeys.distribution(id), enabled, queryFn: () => api.get<ResultGradeDistribution>(`/api/v1/assessment-schemes/${id}/results/distribution`) });

export const useResultDetail = (id: string, targetId: string | null) =>
  useQuery({
    queryKey: resultKeys.detail(id, targetId ?? ''),
    enabled: !!targetId,
    queryFn: () => api.get<ResultDetail>(`/api/v1/assessment-schemes/${id}/results/${targetId}`),
  });

/** The latest published result of a unit (or of a target's unit), as context. */
export const useTargetContext = (of: { unitId?: string | null; targetId?: string | null }, beforeYear?: number) =>
  useQuery({
    queryKey: resultKeys.context(of.unitId ?? of.targetId ?? '', beforeYear),
    enabled: !!(of.unitId || of.targetId),
    queryFn: () => api.get<ResultTargetContext>('/api/v1/assessment-targets/context', of.unitId ? { unitId: of.unitId, beforeYear } : { targetId: of.targetId, beforeYear }),
  });

export const useApplications = (q: ApplicationQuery, enabled = true) =>
  useQuery({
    queryKey: resultKeys.apps(q),
    enabled,
    queryFn: () => api.get<ListResult<ResultApplication>>('/api/v1/result-applications', { ...q }),
    placeholderData: (prev) => prev,
  });

function useResultMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.all }) });
}

export const useCompute = (id: string) =>
  useResultMutation((overrideReason?: string) => api.post<{ computed: number; overridden: boolean }>(`/api/v1/assessment-schemes/${id}/compute`, overrideReason ? { overrideReason } : {}));
export const useFreeze = (id: string) => useResultMutation(() => api.post(`/api/v1/assessment-schemes/${id}/freeze`));
export const usePublish = (id: string) =>
  useResultMutation((v: { scope: ResultPublishScope; publishReports: boolean }) => api.post(`/api/v1/assessment-schemes/${id}/publish`, v));

export interface ApplicationFormValues {
  schemeId: string;
  kind: ResultApplicationKind;
  targetId?: string | null;
  personId?: string | null;
  note?: string | null;
  talkedOn?: string | null;
  talkerPersonId?: string | null;
  points?: string | null;
  followUpDue?: string | null;
  outcome?: string | null;
}

export const useSaveApplication = () =>
  useResultMutation(({ editing, values }: { editing: ResultApplication | null; values: ApplicationFormValues }) => {
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' || v === undefined ? null : v]));
    if (!editing) return api.post<ResultApplication>('/api/v1/result-applications', body);
    const { schemeId: _s, kind: _k, targetId: _t, ...patch } = body;
    return api.patch<ResultApplication>(`/api/v1/result-applications/${editing.id}`, patch);
  });

export const useDeleteApplication = () => useResultMutation((a: ResultApplication) => api.del(`/api/v1/result-applications/${a.id}`));
