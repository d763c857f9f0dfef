import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeaderDuty, Person, Unit, UnitDetail } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { unitKeys, type ListResult } from '../../app/queries';

export interface UnitFormValues {
  parentId?: string | null;
  kind: Unit['kind'];
  name: string;
  shortName?: string | null;
  code: string;
  pairedUnitId?: string | null;
  sortOrder?: number | null;
}

export function useUnitDetail(id: string | null) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? ''),
    queryFn: () => api.get<UnitDetail>(`/api/v1/units/${id}`),
    enabled: !!id,
  });
}

export function useUnitPeople(unitId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['people', 'list', { unitId, page, pageSize }],
    queryFn: () => api.get<ListResult<Person>>('/api/v1/people', { unitId: unitId ?? undefined, page, pageSize }),
    enabled: !!unitId,
    placeholderData: (prev) => prev,
  });
}

const clean = (v: UnitFormValues) => ({
  parentId: v.parentId ?? null,
  kind: v.kind,
  name: v.name,
  shortName: v.shortName?.trim() ? v.shortName.trim() : null,
  code: v.code,
  pairedUnitId: v.pairedUnitId ?? null,
  ...(v.sortOrder === null || v.sortOrder === undefined ? {} : { sortOrder: v.sortOrder }),
});

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Unit | null; values: UnitFormValues }) =>
      editing
        ? api.patch<Unit>(`/api/v1/units/${editing.id}`, { ...clean(values), version: editing.version })
        : api.post<Unit>('/api/v1/units', clean(values)),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useDeleteUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: Unit) => api.del(`/api/v1/units/${u.id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export const dutyKeys = { all: ['leader-duties'] as const };

export function useDuties(filter: { kind?: LeaderDuty['kind']; unitId?: string; personId?: string }) {
  const { can } = useAuth();
  return useQuery({
    queryKey: [...dutyKeys.all, filter],
    queryFn: () => api.get<ListResult<LeaderDuty>>('/api/v1/leader-duties', filter),
    enabled: can('org.duty.read'),
  });
}

export interface DutyFormValues {
  personId: string;
  unitId: string;
  kind: LeaderDuty['kind'];
  note?: string | null;
}

export function useAddDuty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: DutyFormValues) => api.post<LeaderDuty>('/api/v1/leader-duties', { ...v, note: v.note?.trim() || null }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: dutyKeys.all }), qc.invalidateQueries({ queryKey: unitKeys.all })]),
  });
}

export function useRemoveDuty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/v1/leader-duties/${id}`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: dutyKeys.all }), qc.invalidateQueries({ queryKey: unitKeys.all })]),
  });
}
