import { useQuery } from '@tanstack/react-query';
import type { Person, Unit } from '@santong/contract';
import { api } from './api';
import { useAuth } from './auth';

export interface ListResult<T> {
  items: T[];
  total: number;
}

export const unitKeys = {
  all: ['units'] as const,
  list: () => ['units', 'list'] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

/** Every unit the user may see (the tree is small: one request, no paging). */
export function useUnitList() {
  const { can } = useAuth();
  return useQuery({
    queryKey: unitKeys.list(),
    queryFn: () => api.get<ListResult<Unit>>('/api/v1/units'),
    enabled: can('org.unit.read'),
    staleTime: 60_000,
  });
}

/** People matching a search, for pickers. */
export function usePersonSearch(q: string, enabled = true) {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['people', 'search', q],
    queryFn: () => api.get<ListResult<Person>>('/api/v1/people', { q: q || undefined, pageSize: 20, page: 1 }),
    enabled: enabled && can('org.person.read'),
    staleTime: 30_000,
  });
}
