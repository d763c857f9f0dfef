import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, ProgressReport, ProgressReportDetail, Task } from '@santong/contract';
import { api, type Query } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface ReportFilters {
  status?: string;
  unitId?: string;
  taskId?: string;
  mine?: 'true';
  q?: string;
}

export interface ReportQuery extends ReportFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface ReportFormValues {
  progress: number;
  doneText: string;
  problems?: string | null;
  nextSteps?: string | null;
}

export const reportKeys = {
  all: ['progress-reports'] as const,
  list: (q: ReportQuery) => ['progress-reports', 'list', q] as const,
  detail: (id: string) => ['progress-reports', 'detail', id] as const,
  ofTask: (taskId: string) => ['progress-reports', 'task', taskId] as const,
  openTasks: (q: object) => ['progress-reports', 'open-tasks', q] as const,
};

export function useReports(query: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.list(query),
    queryFn: () => api.get<ListResult<ProgressReport>>('/api/v1/progress-reports', { ...query } as Query),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useReport(id: string | null) {
  return useQuery({ queryKey: reportKeys.detail(id ?? ''), queryFn: () => api.get<ProgressReportDetail>(`/api/v1/progress-reports/${id}`), enabled: !!id });
}

export function useTaskReports(taskId: string | null) {
  return useQuery({
    queryKey: reportKeys.ofTask(taskId ?? ''),
    queryFn: () => api.get<{ items: ProgressReportDetail[] }>(`/api/v1/tasks/${taskId}/progress-reports`),
    enabled: !!taskId,
  });
}

/** Open tasks in the caller's scope (owner unit or co-unit), soonest due first: what a liaison reports on. */
export function useOpenTasks(q: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: reportKeys.openTasks(q),
    queryFn: () => api.get<ListResult<Task>>('/api/v1/tasks', { status: 'planned,in_progress', sort: 'dueDate', ...q }),
    placeholderData: (prev) => prev,
  });
}

const clean = (v: ReportFormValues) => ({
  progress: v.progress,
  doneText: v.doneText.trim(),
  problems: v.problems?.trim() || null,
  nextSteps: v.nextSteps?.trim() || null,
});

function uploadEvidence(reportId: string, file: File) {
  const form = new FormData();
  form.append('entity', 'progress_report');
  form.append('entityId', reportId);
  form.append('file', file, file.name);
  return api.post<Attachment>('/api/v1/attachments', undefined, { form });
}

export interface SaveResult {
  report: ProgressReportDetail;
  /** files that could not be stored (the report itself was saved) */
  failed: { name: string; error: unknown }[];
}

/**
 * One flow for the form: create the report (or resubmit a returned one),
 * then upload each evidence file to it. A failed upload leaves the report in
 * place and is reported back, so the user can add the file again.
 */
export function useSaveReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ taskId, editing, values, files }: { taskId: string; editing: ProgressReport | null; values: ReportFormValues; files: File[] }): Promise<SaveResult> => {
      const report = editing
        ? await api.patch<ProgressReportDetail>(`/api/v1/progress-reports/${editing.id}`, { ...clean(values), version: editing.version })
        : await api.post<ProgressReportDetail>('/api/v1/progress-reports', { taskId, ...clean(values) });
      const failed: SaveResult['failed'] = [];
      for (const f of files) await uploadEvidence(report.id, f).catch((error: unknown) => failed.push({ name: f.name, error }));
      return { report, failed };
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useAddEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, file }: { reportId: string; file: File }) => uploadEvidence(reportId, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useReviewReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ report, decision, comment }: { report: ProgressReport; decision: 'approve' | 'return'; comment?: string }) =>
      api.post<ProgressReportDetail>(`/api/v1/progress-reports/${report.id}/${decision}`, comment ? { comment } : {}),
    // The task's progress moves with an approval.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: reportKeys.all }), qc.invalidateQueries({ queryKey: ['tasks'] })]),
  });
}
