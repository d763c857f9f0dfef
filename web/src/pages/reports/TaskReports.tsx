import { useState } from 'react';
import { Button, Card, Collapse, Empty, Space, Spin, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ProgressReport, ProgressReportDetail } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useTaskReports } from './hooks';
import { ReportBody, ReportEvents, ReportStatusTag } from './components/ReportBody';
import { ReviewActions } from './components/ReviewActions';
import { ReportFormDrawer, type ReportTarget } from './components/ReportFormDrawer';

function ReportCard({ r, onCorrect }: { r: ProgressReportDetail; onCorrect: (r: ProgressReport) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="task-report"
      title={
        <Space wrap size={4}>
          <ReportStatusTag r={r} />
          <Typography.Text strong>{`${r.progress}%`}</Typography.Text>
          <Typography.Text type="secondary">{`${r.reporterName} · ${dayjs(r.submittedAt).format('YYYY-MM-DD')}`}</Typography.Text>
        </Space>
      }
      extra={
        r.can.resubmit && (
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => onCorrect(r)} data-testid="report-correct">
            {t('report.correct')}
          </Button>
        )
      }
    >
      <ReportBody r={r} />
      <div style={{ marginTop: 12 }}>
        <ReviewActions report={r} />
      </div>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[{ key: 'events', label: t('report.history', { n: r.events.length }), children: <ReportEvents r={r} /> }]}
      />
    </Card>
  );
}

/**
 * The whole report history of one task, newest report first, with the
 * actions the caller may take: report progress, correct a returned report,
 * approve or return. Embeddable in the task drawer.
 */
export function TaskReports({ taskId, task }: { taskId: string; task?: ReportTarget & { status?: string } }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, isLoading } = useTaskReports(taskId);
  const [form, setForm] = useState<{ editing: ProgressReport | null } | null>(null);
  const items = data?.items ?? [];
  const open = task?.status !== 'done' && task?.status !== 'cancelled';
  const target: ReportTarget | null = task ?? (items[0] ? { id: taskId, title: items[0].taskTitle, progress: items[0].taskProgress, ownerUnitName: items[0].ownerUnitName, dueDate: items[0].taskDueDate } : null);

  return (
    <div data-testid="task-reports">
      {can('execute.report.write') && open && task && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })} style={{ marginBottom: 12 }} data-testid="report-new">
          {t('report.new')}
        </Button>
      )}
      {isLoading ? (
        <Spin />
      ) : items.length ? (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {items.map((r) => (
            <ReportCard key={r.id} r={r} onCorrect={(x) => setForm({ editing: x })} />
          ))}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noneForTask')} />
      )}
      <ReportFormDrawer task={form ? target : null} editing={form?.editing ?? null} onClose={() => setForm(null)} />
    </div>
  );
}
