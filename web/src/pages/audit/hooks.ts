import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEntry } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export type AuditEntry = z.infer<typeof auditEntry>;

export interface AuditFilters {
  entity?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export function useAuditLog(q: AuditFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit-log', q],
    queryFn: () => api.get<ListResult<AuditEntry>>('/api/v1/audit-log', { ...q }),
    placeholderData: (prev) => prev,
  });
}
