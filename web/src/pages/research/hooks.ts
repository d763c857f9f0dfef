import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentRecord, ResearchProblem, ResearchTopic, ResearchTopicDetail, RectificationTask } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import type { ListResult } from '../../app/queries';

export interface TopicFilters {
  q?: string;
  status?: ResearchTopic['status'];
  leaderPersonId?: string;
  unitId?: string;
}

export interface TopicQuery extends TopicFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface TopicFormValues {
  title: string;
  problemArea: string;
  leaderPersonId: string;
  unitIds: string[];
  reportDocumentId?: string | null;
  findings?: string | null;
}

export const researchKeys = {
  all: ['research-topics'] as const,
  list: (q: TopicQuery) => ['research-topics', 'list', q] as const,
  detail: (id: string) => ['research-topics', 'detail', id] as const,
};

export function useTopics(query: TopicQuery) {
  return useQuery({
    queryKey: researchKeys.list(query),
    queryFn: () => api.get<ListResult<ResearchTopic>>('/api/v1/research-topics', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useTopic(id: string | undefined) {
  return useQuery({
    queryKey: researchKeys.detail(id ?? ''),
    queryFn: () => api.get<ResearchTopicDetail>(`/api/v1/research-topics/${id}`),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  // A rectification task also changes the task lists and the leader view.
  return () => Promise.all([qc.invalidateQueries({ queryKey: researchKeys.all }), qc.invalidateQueries({ queryKey: ['tasks'] }), qc.invalidateQueries({ queryKey: ['leader-view'] })]);
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveTopic() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: ResearchTopic | null; values: TopicFormValues }) => {
      const body = {
        title: values.title.trim(),
        problemArea: values.problemArea.trim(),
        leaderPersonId: values.leaderPersonId,
        unitIds: values.unitIds,
        reportDocumentId: values.reportDocumentId ?? null,
        findings: blankToNull(values.findings),
      };
      return editing
        ? api.patch<ResearchTopicDetail>(`/api/v1/research-topics/${editing.id}`, { ...body, version: editing.version })
        : api.post<ResearchTopicDetail>('/api/v1/research-topics', body);
    },
    onSuccess: invalidate,
  });
}

export function useMoveTopic() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ topic, status }: { topic: ResearchTopic; status: ResearchTopic['status'] }) =>
      api.patch<ResearchTopicDetail>(`/api/v1/research-topics/${topic.id}`, { status, version: topic.version }),
    onSuccess: invalidate,
  });
}

export function useDeleteTopic() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (t: ResearchTopic) => api.del(`/api/v1/research-topics/${t.id}`), onSuccess: invalidate });
}

export function useSaveProblem(topicId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: ResearchProblem | null; values: { description: string; ownerUnitId: string } }) =>
      editing
        ? api.patch<ResearchProblem>(`/api/v1/research-problems/${editing.id}`, { description: values.description.trim(), ownerUnitId: values.ownerUnitId })
        : api.post<ResearchProblem>(`/api/v1/research-topics/${topicId}/problems`, { description: values.description.trim(), ownerUnitId: values.ownerUnitId }),
    onSuccess: invalidate,
  });
}

export function useDeleteProblem() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (p: ResearchProblem) => api.del(`/api/v1/research-problems/${p.id}`), onSuccess: invalidate });
}

export function useRectify() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ problem, values }: { problem: ResearchProblem; values: { title?: string; dueDate: string; responsiblePersonId?: string | null } }) =>
      api.post<{ problem: ResearchProblem; task: RectificationTask }>(`/api/v1/research-problems/${problem.id}/rectify`, {
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
        dueDate: values.dueDate,
        ...(values.responsiblePersonId !== undefined ? { responsiblePersonId: values.responsiblePersonId } : {}),
      }),
    onSuccess: invalidate,
  });
}

/** Documents for the report picker (searched on the server). */
export function useDocumentSearch(q: string) {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['documents', 'search', q],
    queryFn: () => api.get<ListResult<DocumentRecord>>('/api/v1/documents', { q: q || undefined, pageSize: 20 }),
    enabled: can('plan.document.read'),
    staleTime: 30_000,
  });
}
