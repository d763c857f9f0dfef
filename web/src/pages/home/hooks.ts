import { useQuery } from '@tanstack/react-query';
import type { Person } from '@santong/contract';
import { api, isApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import type { ListResult } from '../../app/queries';

export type StatusCounts = Record<string, number>;

/** Accepts the shapes a stats endpoint may answer with and gives status → count. */
export function normalizeStats(body: unknown): StatusCounts | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const src = b.byPoliticalStatus ?? b.politicalStatus ?? b.items ?? b;
  if (Array.isArray(src)) {
    const out: StatusCounts = {};
    for (const row of src as Record<string, unknown>[]) {
      const key = row.politicalStatus ?? row.key ?? row.status ?? row.name;
      const n = row.count ?? row.value ?? row.total;
      if (typeof key === 'string' && typeof n === 'number') out[key] = n;
    }
    return Object.keys(out).length ? out : null;
  }
  if (typeof src === 'object' && src) {
    const entries = Object.entries(src as Record<string, unknown>).filter(([, v]) => typeof v === 'number') as [string, number][];
    return entries.length ? Object.fromEntries(entries) : null;
  }
  return null;
}

export function usePeopleTotal() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['people', 'total'],
    queryFn: async () => (await api.get<ListResult<Person>>('/api/v1/people', { page: 1, pageSize: 1 })).total,
    enabled: can('org.person.read'),
  });
}

/** People by political status; null when the server has no stats endpoint. */
export function usePeopleStats() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['people', 'stats'],
    queryFn: async () => {
      try {
        return normalizeStats(await api.get<unknown>('/api/v1/people/stats'));
      } catch (e) {
        if (isApiError(e) && (e.status === 404 || e.status === 400)) return null;
        throw e;
      }
    },
    enabled: can('org.person.read'),
    retry: false,
  });
}
