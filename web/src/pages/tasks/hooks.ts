import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign, FusionReport, Goal, Task, TaskComment, TaskExtension } from '@santong/contract';
import { api, type Query } from '../../app/api';
import type { ListResult } from '../../app/queries';

/** Filters of the task list; the same object goes to the list, the board, the timeline and the export. */
export interface TaskFilters {
  q?: string;
  unitId?: string;
  subtree?: 'true';
  /** owner unit only (from the cockpit's links) */
  ownerUnitId?: string;
  leaderId?: string;
  status?: string;
  rag?: string;
  goalId?: string;
  category?: Task['category'];
  fused?: 'true' | 'false';
  dueFrom?: string;
  dueTo?: string;
  followed?: 'true';
  unsignedOverdue?: 'true';
}

export interface TaskQuery extends TaskFilters {
  campaignId?: string;
  parentId?: string;
  root?: 'true';
  page: number;
  pageSize: number;
  sort?: string;
}

export interface TaskFormValues {
  title: string;
  description?: string | null;
  category: Task['category'];
  ownerUnitId: string;
  coUnitIds?: string[];
  responsiblePersonId?: string | null;
  startDate: string;
  dueDate: string;
  weight?: number;
  status?: Task['status'];
  progress?: number;
  partyGoalIds?: string[];
  businessGoalIds?: string[];
  recurrence?: Task['recurrence'];
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (q: TaskQuery) => ['tasks', 'list', q] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  fusion: (campaignId?: string) => ['tasks', 'fusion', campaignId ?? ''] as const,
  comments: (id: string) => ['tasks', 'comments', id] as const,
  extensions: (id: string) => ['tasks', 'extensions', id] as const,
};

export function useTasks(query: TaskQuery, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () => api.get<ListResult<Task>>('/api/v1/tasks', { ...query } as Query),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: taskKeys.detail(id ?? ''), queryFn: () => api.get<Task>(`/api/v1/tasks/${id}`), enabled: !!id });
}

export function useFusion(campaignId?: string) {
  return useQuery({ queryKey: taskKeys.fusion(campaignId), queryFn: () => api.get<FusionReport>('/api/v1/tasks/fusion', { campaignId }) });
}

export function useCampaignOptions() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: () => api.get<ListResult<Campaign>>('/api/v1/campaigns', { pageSize: 100 }),
    staleTime: 60_000,
  });
}

export function useGoalOptions() {
  return useQuery({ queryKey: ['goals', 'list'], queryFn: () => api.get<ListResult<Goal>>('/api/v1/goals'), staleTime: 60_000 });
}

export function useComments(id: string | null) {
  return useQuery({ queryKey: taskKeys.comments(id ?? ''), queryFn: () => api.get<ListResult<TaskComment>>(`/api/v1/tasks/${id}/comments`), enabled: !!id });
}

export function useExtensions(id: string | null) {
  return useQuery({ queryKey: taskKeys.extensions(id ?? ''), queryFn: () => api.get<ListResult<TaskExtension>>(`/api/v1/tasks/${id}/extensions`), enabled: !!id });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function taskBody(v: TaskFormValues) {
  return {
    title: v.title.trim(),
    description: blankToNull(v.description),
    category: v.category,
    ownerUnitId: v.ownerUnitId,
    coUnitIds: v.coUnitIds ?? [],
    responsiblePersonId: v.responsiblePersonId ?? null,
    startDate: v.startDate,
    dueDate: v.dueDate,
    weight: v.weight ?? 1,
    status: v.status ?? 'planned',
    progress: v.progress ?? 0,
    goalIds: [...(v.partyGoalIds ?? []), ...(v.businessGoalIds ?? [])],
    recurrence: v.recurrence ?? 'none',
  };
}

/** Every task write refreshes lists, details and the fusion numbers. */
function useTaskMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.all }) });
}

export function useSaveTask() {
  return useTaskMutation(({ editing, values, parent, campaignId }: { editing: Task | null; values: TaskFormValues; parent?: Task | null; campaignId?: string }) =>
    editing
      ? api.patch<Task>(`/api/v1/tasks/${editing.id}`, { ...taskBody(values), version: editing.version })
      : api.post<Task>('/api/v1/tasks', { ...taskBody(values), ...(parent ? { parentId: parent.id } : { campaignId }) }),
  );
}

export const usePatchTask = () => useTaskMutation(({ task, patch }: { task: Task; patch: Record<string, unknown> }) => api.patch<Task>(`/api/v1/tasks/${task.id}`, { ...patch, version: task.version }));
export const useDeleteTask = () => useTaskMutation((task: Task) => api.del(`/api/v1/tasks/${task.id}`));
export const useTaskAction = () =>
  useTaskMutation(({ task, action }: { task: Task; action: 'issue' | 'sign' | 'generate-instances' }) => api.post<unknown>(`/api/v1/tasks/${task.id}/${action}`, {}));
export const useFollow = () => useTaskMutation((task: Task) => (task.followed ? api.del(`/api/v1/tasks/${task.id}/follow`) : api.post(`/api/v1/tasks/${task.id}/follow`, {})));
export const useRequestExtension = () =>
  useTaskMutation(({ task, newDueDate, reason }: { task: Task; newDueDate: string; reason: string }) => api.post<TaskExtension>(`/api/v1/tasks/${task.id}/extensions`, { newDueDate, reason }));
export const useDecideExtension = () =>
  useTaskMutation(({ id, approve, note }: { id: string; approve: boolean; note?: string }) => api.post<TaskExtension>(`/api/v1/task-extensions/${id}/${approve ? 'approve' : 'reject'}`, { note: note || null }));
export const useAddComment = () => useTaskMutation(({ task, body }: { task: Task; body: string }) => api.post<TaskComment>(`/api/v1/tasks/${task.id}/comments`, { body }));
