import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, Goal, StudySession, StudySessionDetail } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import type { ListResult } from '../../app/queries';

export interface StudyFilters {
  q?: string;
  kind?: StudySession['kind'];
  hostUnitId?: string;
  goalId?: string;
  from?: string;
  to?: string;
}

export interface StudyQuery extends StudyFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface AttendeeValue {
  personId: string;
  name: string;
  unitName: string;
  attended: boolean;
}

export interface StudyFormValues {
  kind: StudySession['kind'];
  title: string;
  heldOn: string;
  hostUnitId: string;
  location?: string | null;
  summary?: string | null;
  goalIds: string[];
  attendees: AttendeeValue[];
}

export const studyKeys = {
  all: ['study-sessions'] as const,
  list: (q: StudyQuery) => ['study-sessions', 'list', q] as const,
  detail: (id: string) => ['study-sessions', 'detail', id] as const,
};

export function useStudySessions(query: StudyQuery) {
  return useQuery({
    queryKey: studyKeys.list(query),
    queryFn: () => api.get<ListResult<StudySession>>('/api/v1/study-sessions', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useStudySession(id: string | undefined) {
  return useQuery({
    queryKey: studyKeys.detail(id ?? ''),
    queryFn: () => api.get<StudySessionDetail>(`/api/v1/study-sessions/${id}`),
    enabled: !!id,
  });
}

/** Both goal tracks, for pickers. */
export function useGoalOptions() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['goals', 'options'],
    queryFn: () => api.get<ListResult<Goal>>('/api/v1/goals'),
    enabled: can('plan.goal.read'),
    staleTime: 60_000,
  });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function body(v: StudyFormValues) {
  return {
    kind: v.kind,
    title: v.title.trim(),
    heldOn: v.heldOn,
    hostUnitId: v.hostUnitId,
    location: blankToNull(v.location),
    summary: blankToNull(v.summary),
    goalIds: v.goalIds ?? [],
    attendees: (v.attendees ?? []).map((a) => ({ personId: a.personId, attended: a.attended })),
  };
}

export function useSaveStudySession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: StudySessionDetail | null; values: StudyFormValues }) =>
      editing
        ? api.patch<StudySessionDetail>(`/api/v1/study-sessions/${editing.id}`, { ...body(values), version: editing.version })
        : api.post<StudySessionDetail>('/api/v1/study-sessions', body(values)),
    onSuccess: () => qc.invalidateQueries({ queryKey: studyKeys.all }),
  });
}

export function useDeleteStudySession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: StudySessionDetail) => api.del(`/api/v1/study-sessions/${s.id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: studyKeys.all }),
  });
}

/** Files attached to a record (minutes, slides), through the shared file store. */
export function useAttachments(entity: string, entityId: string | undefined) {
  return useQuery({
    queryKey: ['attachments', entity, entityId ?? ''],
    queryFn: () => api.get<{ items: Attachment[] }>('/api/v1/attachments', { entity, entityId }),
    enabled: !!entityId,
  });
}

export function useUploadAttachment(entity: string, entityId: string | undefined, purpose?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('entity', entity);
      form.append('entityId', entityId!);
      if (purpose) form.append('purpose', purpose);
      form.append('file', file, file.name);
      return postForm<Attachment>('/api/v1/attachments', form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['attachments', entity, entityId ?? ''] }),
  });
}

export function useDeleteAttachment(entity: string, entityId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Attachment) => api.del(`/api/v1/attachments/${a.id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['attachments', entity, entityId ?? ''] }),
  });
}

/** api.upload sends only the file; attachments need their owner fields in the same form. */
function postForm<T>(path: string, form: FormData): Promise<T> {
  return api.post<T>(path, undefined, { form });
}

/** Whether the signed-in user's scope holds a unit (writes are checked again by the server). */
export function useUnitInScope() {
  const { user } = useAuth();
  return (unitId: string | null | undefined) => !!user && (user.scope.kind === 'all' || (!!unitId && user.scope.kind !== 'self' && user.scope.unitIds.includes(unitId)));
}
