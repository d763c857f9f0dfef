import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person } from '@santong/contract';
import { api } from '../../app/api';
import { unitKeys, type ListResult } from '../../app/queries';

export interface PeopleFilters {
  q?: string;
  unitId?: string;
  politicalStatus?: Person['politicalStatus'];
  dualLeader?: 'true' | 'false';
  role?: Person['positions'][number]['role'];
}

export interface PeopleQuery extends PeopleFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface PersonFormValues {
  staffNo: string;
  name: string;
  gender?: Person['gender'];
  title?: string | null;
  politicalStatus: Person['politicalStatus'];
  dualLeader: boolean;
  phone?: string | null;
  email?: string | null;
  unitId: string;
  positions?: Person['positions'][number]['role'][];
}

export const peopleKeys = { all: ['people'] as const, list: (q: PeopleQuery) => ['people', 'list', q] as const };

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: () => api.get<ListResult<Person>>('/api/v1/people', { ...query }),
    placeholderData: (prev) => prev,
  });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function body(v: PersonFormValues) {
  return {
    staffNo: v.staffNo.trim(),
    name: v.name.trim(),
    gender: v.gender ?? null,
    title: blankToNull(v.title),
    politicalStatus: v.politicalStatus,
    dualLeader: !!v.dualLeader,
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
    unitId: v.unitId,
  };
}

export function useSavePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Person | null; values: PersonFormValues }) =>
      editing
        ? api.patch<Person>(`/api/v1/people/${editing.id}`, { ...body(values), version: editing.version })
        : api.post<Person>('/api/v1/people', { ...body(values), ...(values.positions?.length ? { positions: values.positions } : {}) }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: peopleKeys.all }), qc.invalidateQueries({ queryKey: unitKeys.all })]),
  });
}

export function useDeletePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Person) => api.del(`/api/v1/people/${p.id}`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: peopleKeys.all }), qc.invalidateQueries({ queryKey: unitKeys.all })]),
  });
}
