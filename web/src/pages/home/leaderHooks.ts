import { useQuery } from '@tanstack/react-query';
import type { LeaderOverview, LeaderView } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';

/** A leader's 分管/联系 view: their own, or (office) the one of the leader named. */
export function useLeaderView(personId?: string, enabled = true) {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['leader-view', personId ?? 'me'],
    queryFn: () => api.get<LeaderView>('/api/v1/leader-view', personId ? { personId } : undefined),
    enabled: enabled && can('plan.leaderView.read'),
  });
}

export function useLeaderOverview(enabled = true) {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['leader-view', 'overview'],
    queryFn: () => api.get<LeaderOverview>('/api/v1/leader-view/overview'),
    enabled: enabled && can('plan.leaderView.read'),
  });
}
