import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferences, NotificationPreferencesUpdate, NotificationSettings, NotificationSettingsUpdate } from '@santong/contract';
import { api } from '../../app/api';

const keys = { prefs: ['notification-preferences'] as const, settings: ['notification-settings'] as const };

export const usePreferences = () => useQuery({ queryKey: keys.prefs, queryFn: () => api.get<NotificationPreferences>('/api/v1/me/notification-preferences') });

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) => api.put<NotificationPreferences>('/api/v1/me/notification-preferences', body),
    onSuccess: (data) => qc.setQueryData(keys.prefs, data),
  });
}

export const useNotifySettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api.get<NotificationSettings>('/api/v1/settings/notifications') });

export function useSaveNotifySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) => api.put<NotificationSettings>('/api/v1/settings/notifications', body),
    onSuccess: (data) => qc.setQueryData(keys.settings, data),
  });
}
