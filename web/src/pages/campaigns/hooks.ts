import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CampaignBody, CampaignDetail, CampaignMember } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface CampaignFilters {
  q?: string;
  status?: Campaign['status'];
  kind?: Campaign['kind'];
}

export interface CampaignQuery extends CampaignFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface CampaignFormValues {
  title: string;
  kind: Campaign['kind'];
  startDate: string;
  endDate: string;
  description?: string | null;
}

export interface BodyFormValues {
  kind: CampaignBody['kind'];
  name: string;
  duty?: string | null;
  sortOrder?: number;
}

export interface MemberFormValues {
  personId: string;
  role: CampaignMember['role'];
  unitId?: string | null;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (q: CampaignQuery) => ['campaigns', 'list', q] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
};

export function useCampaigns(query: CampaignQuery) {
  return useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: () => api.get<ListResult<Campaign>>('/api/v1/campaigns', { ...query }),
    placeholderData: (prev) => prev,
  });
}

/** Campaigns for pickers (documents, tasks): the 100 most recent. */
export function useCampaignOptions() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: () => api.get<ListResult<Campaign>>('/api/v1/campaigns', { pageSize: 100 }),
    staleTime: 60_000,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKeys.detail(id ?? ''),
    queryFn: () => api.get<CampaignDetail>(`/api/v1/campaigns/${id}`),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: campaignKeys.all });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Campaign | null; values: CampaignFormValues }) => {
      const body = { ...values, title: values.title.trim(), description: blankToNull(values.description) };
      return editing
        ? api.patch<CampaignDetail>(`/api/v1/campaigns/${editing.id}`, { ...body, version: editing.version })
        : api.post<CampaignDetail>('/api/v1/campaigns', body);
    },
    onSuccess: invalidate,
  });
}

export function useCampaignStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ campaign, status }: { campaign: Campaign; status: Campaign['status'] }) =>
      api.patch<CampaignDetail>(`/api/v1/campaigns/${campaign.id}`, { status, version: campaign.version }),
    onSuccess: invalidate,
  });
}

export function useDeleteCampaign() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (c: Campaign) => api.del(`/api/v1/campaigns/${c.id}`), onSuccess: invalidate });
}

export function useSaveBody(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: CampaignBody | null; values: BodyFormValues }) => {
      const body = { name: values.name.trim(), duty: blankToNull(values.duty), ...(values.sortOrder !== undefined ? { sortOrder: values.sortOrder } : {}) };
      return editing
        ? api.patch<CampaignBody>(`/api/v1/campaign-bodies/${editing.id}`, body)
        : api.post<CampaignBody>(`/api/v1/campaigns/${campaignId}/bodies`, { ...body, kind: values.kind });
    },
    onSuccess: invalidate,
  });
}

export function useDeleteBody() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (b: CampaignBody) => api.del(`/api/v1/campaign-bodies/${b.id}`), onSuccess: invalidate });
}

export function useAddMember() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ bodyId, values }: { bodyId: string; values: MemberFormValues }) =>
      api.post<CampaignMember>(`/api/v1/campaign-bodies/${bodyId}/members`, { personId: values.personId, role: values.role, unitId: values.unitId ?? null }),
    onSuccess: invalidate,
  });
}

export function useUpdateMember() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: CampaignMember['role'] }) => api.patch<CampaignMember>(`/api/v1/campaign-members/${id}`, { role }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (m: CampaignMember) => api.del(`/api/v1/campaign-members/${m.id}`), onSuccess: invalidate });
}

export function useFillLiaisons() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (bodyId: string) => api.post<{ added: number; body: CampaignBody }>(`/api/v1/campaign-bodies/${bodyId}/liaisons`),
    onSuccess: invalidate,
  });
}
