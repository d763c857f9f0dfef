import { researchStatuses, type ResearchTopic } from '@santong/contract';

const taskStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
type TaskStatus = (typeof taskStatuses)[number];
const asTaskStatus = (s: string): TaskStatus => ((taskStatuses as readonly string[]).includes(s) ? (s as TaskStatus) : 'planned');

/** Typed i18n keys of the research enums (and of the linked task's status). */
export const researchLabel = {
  status: (s: ResearchTopic['status']) => `research.status.${s}` as const,
  taskStatus: (s: string) => `research.taskStatus.${asTaskStatus(s)}` as const,
};

export const statusColor: Record<ResearchTopic['status'], string> = {
  proposed: 'default',
  approved: 'cyan',
  in_progress: 'processing',
  reported: 'purple',
  closed: 'success',
};

export const taskStatusColor: Record<TaskStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success', cancelled: 'default' };
export const taskColor = (s: string) => taskStatusColor[asTaskStatus(s)];

export const nextStatus = (s: ResearchTopic['status']): ResearchTopic['status'] | null => researchStatuses[researchStatuses.indexOf(s) + 1] ?? null;
