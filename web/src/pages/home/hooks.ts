import { useQuery } from '@tanstack/react-query';
import type { Person, PersonStats } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import type { ListResult } from '../../app/queries';

export type StatusCounts = Record<string, number>;

export function usePeopleTotal() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['people', 'total'],
    queryFn: async () => (await api.get<ListResult<Person>>('/api/v1/people', { page: 1, pageSize: 1 })).total,
    enabled: can('org.person.read'),
  });
}

/** People in the caller's scope by political status. */
export function usePeopleStats() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['people', 'stats'],
    queryFn: async (): Promise<StatusCounts> => {
      const stats = await api.get<PersonStats>('/api/v1/people/stats');
      return Object.fromEntries(stats.byPoliticalStatus.map((r) => [r.politicalStatus, r.count]));
    },
    enabled: can('org.person.read'),
  });
}
