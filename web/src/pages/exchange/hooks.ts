import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExchangeMeeting } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface ExchangeQuery {
  year?: number;
  month?: string;
  q?: string;
  page: number;
  pageSize: number;
  sort?: string;
}

export interface ExchangeValues {
  month: string;
  heldOn: string;
  presenters: string;
  topics: string;
  summary?: string | null;
}

export const exchangeKeys = {
  all: ['exchange-meetings'] as const,
  list: (q: ExchangeQuery) => ['exchange-meetings', 'list', q] as const,
};

export function useExchangeMeetings(query: ExchangeQuery) {
  return useQuery({
    queryKey: exchangeKeys.list(query),
    queryFn: () => api.get<ListResult<ExchangeMeeting>>('/api/v1/exchange-meetings', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useSaveExchange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: ExchangeMeeting | null; values: ExchangeValues }) => {
      const body = { ...values, presenters: values.presenters.trim(), topics: values.topics.trim(), summary: values.summary?.trim() || null };
      return editing ? api.patch<ExchangeMeeting>(`/api/v1/exchange-meetings/${editing.id}`, { ...body, version: editing.version }) : api.post<ExchangeMeeting>('/api/v1/exchange-meetings', body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: exchangeKeys.all }),
  });
}

export function useDeleteExchange() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (m: ExchangeMeeting) => api.del(`/api/v1/exchange-meetings/${m.id}`), onSuccess: () => qc.invalidateQueries({ queryKey: exchangeKeys.all }) });
}
