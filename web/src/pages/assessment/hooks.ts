import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentIndicator, AssessmentScheme, AssessmentTarget, IndicatorTree, RaterAssignment, RaterGroup, RatingForm, RatingSummary, TargetAdjustment, TargetDetail, TargetReport,
} from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export const assessKeys = {
  schemes: ['assessment-schemes'] as const,
  scheme: (id: string) => ['assessment-schemes', id] as const,
  indicators: (id: string) => ['assessment-schemes', id, 'indicators'] as const,
  targets: (id: string) => ['assessment-schemes', id, 'targets'] as const,
  groups: (id: string) => ['assessment-schemes', id, 'groups'] as const,
  assignments: (id: string) => ['assessment-schemes', id, 'assignments'] as const,
  candidates: ['assessment-rater-candidates'] as const,
  target: (id: string) => ['assessment-targets', id] as const,
  self: ['assessment-self'] as const,
  ratings: ['ratings'] as const,
  rating: (id: string) => ['ratings', id] as const,
};

export const useSchemes = () => useQuery({ queryKey: assessKeys.schemes, queryFn: () => api.get<ListResult<AssessmentScheme>>('/api/v1/assessment-schemes') });
export const useScheme = (id: string) => useQuery({ queryKey: assessKeys.scheme(id), queryFn: () => api.get<AssessmentScheme>(`/api/v1/assessment-schemes/${id}`) });
export const useIndicators = (id: string) => useQuery({ queryKey: assessKeys.indicators(id), queryFn: () => api.get<IndicatorTree>(`/api/v1/assessment-schemes/${id}/indicators`) });
export const useTargets = (id: string) => useQuery({ queryKey: assessKeys.targets(id), queryFn: () => api.get<ListResult<AssessmentTarget>>(`/api/v1/assessment-schemes/${id}/targets`) });
export const useGroups = (id: string) => useQuery({ queryKey: assessKeys.groups(id), queryFn: () => api.get<{ items: RaterGroup[] }>(`/api/v1/assessment-schemes/${id}/rater-groups`) });
export const useAssignments = (id: string, enabled: boolean) =>
  useQuery({ queryKey: assessKeys.assignments(id), queryFn: () => api.get<ListResult<RaterAssignment>>(`/api/v1/assessment-schemes/${id}/rater-assignments`), enabled });
export const useCandidates = (enabled: boolean) =>
  useQuery({
    queryKey: assessKeys.candidates,
    queryFn: () => api.get<{ items: { userId: string; name: string; username: string; unitName: string | null; roles: string[] }[] }>('/api/v1/assessment/rater-candidates'),
    enabled,
    staleTime: 60_000,
  });
export const useTargetDetail = (id: string | undefined) =>
  useQuery({ queryKey: assessKeys.target(id ?? ''), queryFn: () => api.get<TargetDetail>(`/api/v1/assessment-targets/${id}`), enabled: !!id });
export const useSelfTargets = () => useQuery({ queryKey: assessKeys.self, queryFn: () => api.get<{ items: TargetDetail[] }>('/api/v1/assessment/self') });
export const useMyRatings = () => useQuery({ queryKey: assessKeys.ratings, queryFn: () => api.get<{ items: RatingSummary[] }>('/api/v1/ratings/mine') });
export const useRatingForm = (id: string) => useQuery({ queryKey: assessKeys.rating(id), queryFn: () => api.get<RatingForm>(`/api/v1/ratings/${id}`) });

/** A mutation that refreshes everything under one scheme (and the scheme list) when it succeeds. */
function useSchemeMutation<V, R>(schemeId: string | undefined, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: assessKeys.schemes });
      void qc.invalidateQueries({ queryKey: ['assessment-targets'] });
      if (schemeId) void qc.invalidateQueries({ queryKey: assessKeys.scheme(schemeId) });
    },
  });
}

export type SchemeValues = Partial<Pick<AssessmentScheme, 'year' | 'title' | 'trimmedMean' | 'bands' | 'adjustmentItems' | 'selfReportDeadline' | 'ratingDeadline'>>;
export const useSaveScheme = () =>
  useSchemeMutation(undefined, ({ editing, values }: { editing: AssessmentScheme | null; values: SchemeValues }) =>
    editing ? api.patch<AssessmentScheme>(`/api/v1/assessment-schemes/${editing.id}`, { ...values, version: editing.version }) : api.post<AssessmentScheme>('/api/v1/assessment-schemes', values),
  );
export const useCopyScheme = () =>
  useSchemeMutation(undefined, ({ id, year, title }: { id: string; year: number; title: string }) => api.post<AssessmentScheme>(`/api/v1/assessment-schemes/${id}/copy`, { year, title, withAssignments: true }));
export const useTransition = (s: AssessmentScheme | undefined) =>
  useSchemeMutation(s?.id, (to: string) => api.post<AssessmentScheme>(`/api/v1/assessment-schemes/${s!.id}/transition`, { to, version: s!.version }));

export type IndicatorValues = Partial<Omit<AssessmentIndicator, 'id' | 'level' | 'isLeaf'>>;
export const useSaveIndicator = (schemeId: string) =>
  useSchemeMutation(schemeId, ({ id, values }: { id: string | null; values: IndicatorValues }) =>
    id ? api.patch<AssessmentIndicator>(`/api/v1/assessment-indicators/${id}`, values) : api.post<AssessmentIndicator>(`/api/v1/assessment-schemes/${schemeId}/indicators`, values),
  );
export const useDeleteIndicator = (schemeId: string) => useSchemeMutation(schemeId, (id: string) => api.del(`/api/v1/assessment-indicators/${id}`));
export const useValidateTree = (schemeId: string) => useMutation({ mutationFn: () => api.post<IndicatorTree>(`/api/v1/assessment-schemes/${schemeId}/indicators/validate`) });

export const useAddPairs = (schemeId: string) => useSchemeMutation(schemeId, () => api.post<{ created: number }>(`/api/v1/assessment-schemes/${schemeId}/targets/pairs`, {}));
export const useAddTarget = (schemeId: string) => useSchemeMutation(schemeId, (unitId: string) => api.post<AssessmentTarget>(`/api/v1/assessment-schemes/${schemeId}/targets`, { unitId }));
export const useDeleteTarget = (schemeId: string) => useSchemeMutation(schemeId, (id: string) => api.del(`/api/v1/assessment-targets/${id}`));
export const useAddAdjustment = (schemeId: string) =>
  useSchemeMutation(schemeId, ({ targetId, ...body }: { targetId: string; item: string; points: number; evidence: string }) => api.post<TargetAdjustment>(`/api/v1/assessment-targets/${targetId}/adjustments`, body));
export const useDeleteAdjustment = (schemeId: string) => useSchemeMutation(schemeId, (id: string) => api.del(`/api/v1/target-adjustments/${id}`));

export const useSaveGroups = (schemeId: string) =>
  useSchemeMutation(schemeId, (groups: { id?: string; name: string; weight: number }[]) => api.put<{ items: RaterGroup[] }>(`/api/v1/assessment-schemes/${schemeId}/rater-groups`, { groups }));
export const useAssign = (schemeId: string) =>
  useSchemeMutation(schemeId, (body: { groupId: string; userIds: string[]; targetIds: string[]; skipOwnUnit: boolean }) =>
    api.post<{ created: number; existing: number; skipped: unknown[] }>(`/api/v1/assessment-schemes/${schemeId}/rater-assignments`, body),
  );
export const useUnassign = (schemeId: string) => useSchemeMutation(schemeId, (id: string) => api.del(`/api/v1/rater-assignments/${id}`));

function useSelfMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: assessKeys.self }) });
}
export const useSaveReport = () =>
  useSelfMutation(({ targetId, report, body, submit }: { targetId: string; report: TargetReport; body: string; submit: boolean }) =>
    submit
      ? api.post<TargetReport>(`/api/v1/assessment-targets/${targetId}/reports/${report.kind}/submit`, { body, version: report.version })
      : api.put<TargetReport>(`/api/v1/assessment-targets/${targetId}/reports/${report.kind}`, { body, version: report.version }),
  );
export const useSaveSelfScores = () =>
  useSelfMutation(({ targetId, scores }: { targetId: string; scores: { indicatorId: string; score: number; evidence?: string | null }[] }) =>
    api.put<TargetDetail>(`/api/v1/assessment-targets/${targetId}/self-scores`, { scores }),
  );

export const useSaveRating = (id: string) =>
  useMutation({ mutationFn: (scores: { indicatorId: string; score: number | null }[]) => api.put<{ scored: number; total: number; savedAt: string }>(`/api/v1/ratings/${id}`, { scores }) });
export function useSubmitRating(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RatingForm>(`/api/v1/ratings/${id}/submit`),
    onSuccess: (form) => {
      qc.setQueryData(assessKeys.rating(id), form);
      void qc.invalidateQueries({ queryKey: assessKeys.ratings });
    },
  });
}
