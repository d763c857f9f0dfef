import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lecture, LectureStats } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface LectureFilters {
  q?: string;
  lecturerPersonId?: string;
  audienceUnitId?: string;
  from?: string;
  to?: string;
}

export interface LectureQuery extends LectureFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface LectureFormValues {
  lecturerPersonId: string;
  audienceUnitId: string;
  heldOn: string;
  topic: string;
  audienceCount: number;
  location?: string | null;
}

export const lectureKeys = {
  all: ['lectures'] as const,
  list: (q: LectureQuery) => ['lectures', 'list', q] as const,
  stats: (f: LectureFilters) => ['lectures', 'stats', f] as const,
};

export function useLectures(query: LectureQuery) {
  return useQuery({
    queryKey: lectureKeys.list(query),
    queryFn: () => api.get<ListResult<Lecture>>('/api/v1/lectures', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useLectureStats(filters: LectureFilters) {
  return useQuery({
    queryKey: lectureKeys.stats(filters),
    queryFn: () => api.get<LectureStats>('/api/v1/lectures/stats', { ...filters }),
    placeholderData: (prev) => prev,
  });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveLecture() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Lecture | null; values: LectureFormValues }) => {
      const body = { ...values, topic: values.topic.trim(), location: blankToNull(values.location) };
      return editing ? api.patch<Lecture>(`/api/v1/lectures/${editing.id}`, { ...body, version: editing.version }) : api.post<Lecture>('/api/v1/lectures', body);
    },
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: lectureKeys.all }), qc.invalidateQueries({ queryKey: ['leader-view'] })]),
  });
}

export function useDeleteLecture() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (l: Lecture) => api.del(`/api/v1/lectures/${l.id}`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: lectureKeys.all }), qc.invalidateQueries({ queryKey: ['leader-view'] })]),
  });
}
