import type { NotifyMessage } from '../../platform/notify/notify.service.js';
import type { ReportRecord } from './reports.repo.js';

/**
 * The in-app messages of the review cycle (stored in the tenant's language,
 * Chinese; the web shows a localized label for each kind next to them).
 */
const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

export const reviewLink = (reportId: string) => `/execute/report-review?report=${reportId}`;
export const taskLink = (taskId: string) => `/execute/my-tasks?taskId=${taskId}`;

interface About {
  report: ReportRecord;
  taskTitle: string;
  unitName: string;
}

/** To the office and the working groups: a report waits for review. */
export function submittedNotice({ report, taskTitle, unitName }: About): NotifyMessage {
  const again = report.revision > 1;
  return {
    kind: again ? 'report.resubmitted' : 'report.submitted',
    title: again ? `${unitName}修改后重新报送进展（第${report.revision}版）：${taskTitle}` : `${unitName}报送进展：${taskTitle}`,
    body: `进度 ${report.progress}%，报送人 ${report.reporterName}。${clip(report.doneText)}`,
    link: reviewLink(report.id),
    entity: 'progress_report',
    entityId: report.id,
  };
}

/** To whoever submitted the report: it was approved or returned. */
export function reviewedNotice({ report, taskTitle }: About): NotifyMessage {
  const approved = report.status === 'approved';
  const comment = report.reviewComment ? `：${clip(report.reviewComment, 200)}` : '';
  return {
    kind: approved ? 'report.approved' : 'report.returned',
    title: approved ? `进展报告已审核通过：${taskTitle}` : `进展报告被退回，请修改后重新提交：${taskTitle}`,
    body: approved ? `${report.reviewerName ?? ''}审核通过，任务进度更新为 ${report.progress}%${comment}` : `${report.reviewerName ?? ''}退回意见${comment}`,
    link: taskLink(report.taskId),
    entity: 'progress_report',
    entityId: report.id,
  };
}
