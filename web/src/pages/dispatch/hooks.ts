import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DispatchMeeting, DispatchSheetResponse, FollowUpItem } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface FollowUpFilters {
  campaignId?: string;
  meetingId?: string;
  ownerUnitId?: string;
  status?: 'open' | 'done';
  overdue?: 'true' | 'false';
  q?: string;
}

export const dispatchKeys = {
  all: ['dispatch'] as const,
  sheet: (campaignId: string, week: string) => ['dispatch', 'sheet', campaignId, week] as const,
  meeting: (id: string) => ['dispatch', 'meeting', id] as const,
  followUps: (q: FollowUpFilters & { page: number; pageSize: number; sort?: string }) => ['dispatch', 'follow-ups', q] as const,
};

export function useSheet(campaignId: string | undefined, week: string) {
  return useQuery({
    queryKey: dispatchKeys.sheet(campaignId ?? '', week),
    queryFn: () => api.get<DispatchSheetResponse>('/api/v1/dispatch/sheet', { campaignId, week }),
    enabled: !!campaignId,
    placeholderData: (prev) => prev,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({ queryKey: dispatchKeys.meeting(id ?? ''), queryFn: () => api.get<DispatchMeeting>(`/api/v1/dispatch/meetings/${id}`), enabled: !!id });
}

export function usePrepare() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { campaignId: string; isoWeek: string; refresh?: boolean }) => api.post<DispatchMeeting>('/api/v1/dispatch/meetings/prepare', b),
    onSuccess: () => qc.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}

export interface MeetingValues {
  heldOn?: string | null;
  chairPersonId?: string | null;
  attendees?: string | null;
  minutes?: string | null;
}

export function useSaveMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, values }: { id: string; version: number; values: MeetingValues }) => api.patch<DispatchMeeting>(`/api/v1/dispatch/meetings/${id}`, { ...values, version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}

export function useFollowUps(query: FollowUpFilters & { page: number; pageSize: number; sort?: string }, enabled = true) {
  return useQuery({
    queryKey: dispatchKeys.followUps(query),
    queryFn: () => api.get<ListResult<FollowUpItem>>('/api/v1/dispatch/follow-ups', { ...query }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useCreateFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { campaignId: string; meetingId?: string | null; title: string; ownerUnitId: string; dueDate: string }) => api.post<FollowUpItem>('/api/v1/dispatch/follow-ups', b),
    onSuccess: () => qc.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}

export function useCloseFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ item, closingNote }: { item: FollowUpItem; closingNote: string }) =>
      api.post<FollowUpItem>(`/api/v1/dispatch/follow-ups/${item.id}/close`, { closingNote, version: item.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}
