import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InnovationAction, InnovationKind, InnovationLevel, InnovationProject, InnovationProjectDetail, InnovationStage, Outcome } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface ProjectFilters {
  q?: string;
  kind?: InnovationKind;
  level?: InnovationLevel;
  stage?: InnovationStage;
  unitId?: string;
}

export interface ProjectFormValues {
  kind: InnovationKind;
  title: string;
  unitId: string;
  leaderPersonId: string;
  level: InnovationLevel;
  summary?: string | null;
  appliedOn?: string;
  comment?: string | null;
}

export const projectKeys = {
  all: ['innovation-projects'] as const,
  list: (q: ProjectFilters & { page: number; pageSize: number; sort?: string }) => ['innovation-projects', 'list', q] as const,
  detail: (id: string) => ['innovation-projects', 'detail', id] as const,
};

export function useProjects(query: ProjectFilters & { page: number; pageSize: number; sort?: string }) {
  return useQuery({ queryKey: projectKeys.list(query), queryFn: () => api.get<ListResult<InnovationProject>>('/api/v1/innovation-projects', { ...query }), placeholderData: (prev) => prev });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: projectKeys.detail(id ?? ''), queryFn: () => api.get<InnovationProjectDetail>(`/api/v1/innovation-projects/${id}`), enabled: !!id });
}

/** Outcomes to link, searched by title on the server. */
export function useOutcomeSearch(q: string) {
  return useQuery({ queryKey: ['outcomes', 'link-search', q], queryFn: () => api.get<ListResult<Outcome>>('/api/v1/outcomes', { q: q || undefined, pageSize: 20 }) });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: projectKeys.all }), qc.invalidateQueries({ queryKey: ['outcomes'] })]);
}

export function useSaveProject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: InnovationProject | null; values: ProjectFormValues }) => {
      const body = { kind: values.kind, title: values.title.trim(), unitId: values.unitId, leaderPersonId: values.leaderPersonId, level: values.level, summary: blankToNull(values.summary) };
      return editing
        ? api.patch<InnovationProjectDetail>(`/api/v1/innovation-projects/${editing.id}`, { ...body, version: editing.version })
        : api.post<InnovationProjectDetail>('/api/v1/innovation-projects', { ...body, appliedOn: values.appliedOn, comment: blankToNull(values.comment) });
    },
    onSuccess: invalidate,
  });
}

/** URL segment of each office step. */
export const stepPath: Record<InnovationAction, string> = { approve: 'approve', reject: 'reject', cultivate: 'cultivate', midterm_check: 'midterm-check', accept: 'accept' };

export function useProjectStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ project, action, body }: { project: InnovationProject; action: InnovationAction; body: Record<string, unknown> }) =>
      api.post<InnovationProjectDetail>(`/api/v1/innovation-projects/${project.id}/${stepPath[action]}`, { ...body, version: project.version }),
    onSuccess: invalidate,
  });
}

export function useDeleteProject() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (p: InnovationProject) => api.del(`/api/v1/innovation-projects/${p.id}`), onSuccess: invalidate });
}

export function useLinkOutcome() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ projectId, outcomeId, unlink }: { projectId: string; outcomeId: string; unlink?: boolean }) =>
      unlink
        ? api.del<InnovationProjectDetail>(`/api/v1/innovation-projects/${projectId}/outcomes/${outcomeId}`)
        : api.post<InnovationProjectDetail>(`/api/v1/innovation-projects/${projectId}/outcomes`, { outcomeId }),
    onSuccess: invalidate,
  });
}
