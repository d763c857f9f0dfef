import { Drawer, Grid, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReport } from '../hooks';
import { ReportBody, ReportEvents, ReportStatusTag } from './ReportBody';
import { ReviewActions } from './ReviewActions';
import { TaskReports } from '../TaskReports';

/** One report for review: what it says, its history, the task's other reports, and approve / return. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data: r } = useReport(id);
  const shown = r && r.id === id ? r : null;
  return (
    <Drawer
      open={!!id}
      width={screens.md ? 640 : '100%'}
      onClose={onClose}
      data-testid="review-drawer"
      title={
        shown && (
          <Space direction="vertical" size={0}>
            <Typography.Text strong ellipsis style={{ maxWidth: 460 }}>{shown.taskTitle}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {`${shown.ownerUnitName} · ${t('report.taskProgressNow', { n: shown.taskProgress })} · ${t('report.dueOn', { date: shown.taskDueDate })}`}
            </Typography.Text>
          </Space>
        )
      }
      extra={shown && <ReportStatusTag r={shown} />}
      footer={shown && (shown.can.approve || shown.can.return) ? <ReviewActions report={shown} onDone={onClose} /> : null}
    >
      {shown && (
        <Tabs
          items={[
            { key: 'report', label: t('report.tab.report'), children: <ReportBody r={shown} /> },
            { key: 'events', label: t('report.tab.events'), children: <ReportEvents r={shown} /> },
            { key: 'task', label: t('report.tab.taskHistory'), children: <TaskReports taskId={shown.taskId} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
