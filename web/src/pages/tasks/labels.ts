import type { ragValues, taskCategories, taskRecurrences, taskStatuses, extensionStatuses } from '@santong/contract';
import type { MessageKey } from '../../locales/zh-CN';

type Category = (typeof taskCategories)[number];
type Status = (typeof taskStatuses)[number];
type Rag = (typeof ragValues)[number];

// A missing label fails `tsc`.
type Needed =
  | `task.category.${Category}`
  | `task.status.${Status}`
  | `task.rag.${Rag}`
  | `task.rag.${Rag}.hint`
  | `task.recurrence.${(typeof taskRecurrences)[number]}`
  | `task.ext.status.${(typeof extensionStatuses)[number]}`;
type Missing = Exclude<Needed, MessageKey>;
export const taskCatalogueComplete: [Missing] extends [never] ? true : { missing: Missing } = true;

export const taskLabel = {
  category: (c: Category) => `task.category.${c}` as const,
  status: (s: Status) => `task.status.${s}` as const,
  rag: (r: Rag) => `task.rag.${r}` as const,
  ragHint: (r: Rag) => `task.rag.${r}.hint` as const,
  recurrence: (r: (typeof taskRecurrences)[number]) => `task.recurrence.${r}` as const,
  extension: (s: (typeof extensionStatuses)[number]) => `task.ext.status.${s}` as const,
};

export const ragColor: Record<Rag, string> = { red: '#e53935', amber: '#f9a825', green: '#43a047', none: '#bdbdbd' };
export const statusColor: Record<Status, string> = { planned: 'default', in_progress: 'processing', done: 'success', cancelled: 'default' };
