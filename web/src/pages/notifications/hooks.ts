import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

/** How often the bell asks for new notifications (and the list refreshes while open). */
export const POLL_MS = 45_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => ['notifications', 'unread-count'] as const,
  list: (q: object) => ['notifications', 'list', q] as const,
};

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: () => api.get<{ count: number }>('/api/v1/notifications/unread-count'),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    enabled,
  });
}

export function useNotifications(q: { page: number; pageSize: number; unread?: 'true' }, opts: { enabled?: boolean; poll?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.list(q),
    queryFn: () => api.get<ListResult<Notification>>('/api/v1/notifications', q),
    placeholderData: (prev) => prev,
    refetchInterval: opts.poll ? POLL_MS : false,
    enabled: opts.enabled ?? true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: Notification) => api.post<Notification>(`/api/v1/notifications/${n.id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/v1/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
