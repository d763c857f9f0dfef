import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '@santong/contract';
import { api } from '../../app/api';

/** The query's trimmed text, when it has a letter or digit to look for. */
export const searchable = (q: string) => (/[\p{L}\p{N}]/u.test(q) && q.trim().length <= 200 ? q.trim() : '');

export function useSearch(q: string, opts: { limit?: number; kinds?: string } = {}) {
  const text = searchable(q);
  return useQuery({
    queryKey: ['search', text, opts.limit ?? 5, opts.kinds ?? ''],
    queryFn: ({ signal }) => api.get<SearchResult>('/api/v1/search', { q: text, limit: opts.limit ?? 5, kinds: opts.kinds }, { signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** `value` after it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
