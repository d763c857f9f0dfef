import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { Cockpit } from '@santong/contract';
import { api } from '../../app/api';
import { useCampaignOptions } from '../tasks/hooks';

/** The cockpit's filters: campaign, period and unit, kept in the address so the wall display and links share them. */
export interface CockpitFilters {
  campaignId?: string;
  from?: string;
  to?: string;
  unitId?: string;
}

const keys = ['campaignId', 'from', 'to', 'unitId'] as const;

export function useCockpitFilters(): [CockpitFilters, (patch: Partial<CockpitFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as CockpitFilters, [params]);
  const set = useCallback(
    (patch: Partial<CockpitFilters>) => {
      const next = { ...filters, ...patch };
      setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true });
    },
    [filters, setParams],
  );
  // Start on the active campaign (the one the meeting talks about).
  const campaigns = useCampaignOptions();
  useEffect(() => {
    if (filters.campaignId || params.has('all') || !campaigns.data) return;
    const active = campaigns.data.items.find((c) => c.status === 'active') ?? campaigns.data.items[0];
    if (active) set({ campaignId: active.id });
  }, [campaigns.data, filters.campaignId, params, set]);
  return [filters, set];
}

export const cockpitKeys = { all: ['cockpit'] as const, one: (f: CockpitFilters) => ['cockpit', f] as const };

export function useCockpit(f: CockpitFilters, refreshSeconds?: number) {
  return useQuery({
    queryKey: cockpitKeys.one(f),
    queryFn: () => api.get<Cockpit>('/api/v1/cockpit', { ...f }),
    placeholderData: (prev) => prev,
    refetchInterval: refreshSeconds ? refreshSeconds * 1000 : false,
    refetchIntervalInBackground: !!refreshSeconds,
  });
}

export function downloadBriefing(f: CockpitFilters, ext: 'docx' | 'xlsx') {
  return api.download(`/api/v1/briefing.${ext}`, { ...f }, ext === 'docx' ? 'briefing.docx' : 'briefing.xlsx');
}
