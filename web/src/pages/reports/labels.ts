import type { progressReportActions, progressReportStatuses } from '@santong/contract';
import type { MessageKey } from '../../locales/zh-CN';

type Status = (typeof progressReportStatuses)[number];
type Action = (typeof progressReportActions)[number];

// A missing label fails `tsc`.
type Needed = `report.status.${Status}` | `report.action.${Action}`;
type Missing = Exclude<Needed, MessageKey>;
export const reportCatalogueComplete: [Missing] extends [never] ? true : { missing: Missing } = true;

export const reportLabel = {
  status: (s: Status) => `report.status.${s}` as const,
  action: (a: Action) => `report.action.${a}` as const,
};

export const reportStatusColor: Record<Status, string> = { submitted: 'processing', returned: 'warning', approved: 'success' };
export const actionColor: Record<Action, string> = { submit: '#1677ff', resubmit: '#1677ff', return: '#fa8c16', approve: '#52c41a' };
