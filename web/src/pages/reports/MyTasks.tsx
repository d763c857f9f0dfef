import { useState } from 'react';
import { Alert, Badge, Button, Card, Drawer, Grid, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { ProgressReport, Task } from '@santong/contract';
import { useOpenTasks, useReports } from './hooks';
import { ReportFormDrawer, type ReportTarget } from './components/ReportFormDrawer';
import { TaskReports } from './TaskReports';

const ragColor: Record<Task['rag'], string> = { red: '#e53935', amber: '#f9a825', green: '#43a047', none: '#bdbdbd' };
const target = (k: Task): ReportTarget => ({ id: k.id, title: k.title, progress: k.progress, ownerUnitName: k.ownerUnitName, dueDate: k.dueDate });

function TaskCard({ k, onReport, onHistory }: { k: Task; onReport: () => void; onHistory: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="my-task" styles={{ body: { padding: 12 } }}>
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space align="start" size={8}>
          <Badge color={ragColor[k.rag]} style={{ marginTop: 4 }} />
          <Typography.Text strong style={{ wordBreak: 'break-word' }}>{k.title}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[k.ownerUnitName, t('report.dueOn', { date: k.dueDate }), k.lastReportAt ? t('report.lastReport', { date: dayjs(k.lastReportAt).format('MM-DD') }) : t('report.neverReported')].join(' · ')}
        </Typography.Text>
        <Progress percent={k.progress} size="small" style={{ margin: 0 }} />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" icon={<SendOutlined />} onClick={onReport} style={{ flex: 1 }} data-testid="my-task-report">
            {t('report.new')}
          </Button>
          <Button icon={<HistoryOutlined />} onClick={onHistory} style={{ flex: 1 }} data-testid="my-task-history">
            {t('report.historyButton')}
          </Button>
        </div>
      </Space>
    </Card>
  );
}

/** Returned reports in the caller's units that wait for a correction. */
function ReturnedReports({ onCorrect }: { onCorrect: (r: ProgressReport) => void }) {
  const { t } = useTranslation();
  const { data } = useReports({ status: 'returned', page: 1, pageSize: 50, sort: '-reviewedAt' });
  const items = (data?.items ?? []).filter((r) => r.can.resubmit);
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('report.returnedWaiting', { n: items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0 }} actions={[<Button key="fix" size="small" icon={<EditOutlined />} onClick={() => onCorrect(r)} data-testid="returned-correct">{t('report.correct')}</Button>]}>
              <List.Item.Meta title={r.taskTitle} description={<Typography.Text type="warning">{r.reviewComment}</Typography.Text>} />
            </List.Item>
          )}
        />
      }
    />
  );
}

/** 我的任务: a liaison's open tasks to report on, phone-first (one column of cards). */
export default function MyTasksPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useOpenTasks({ page, pageSize: 10, q });
  const [form, setForm] = useState<{ task: ReportTarget; editing: ProgressReport | null } | null>(null);
  const historyId = params.get('taskId');
  const historyTask = data?.items.find((k) => k.id === historyId);

  return (
    <div style={{ maxWidth: 760 }}>
      <ReturnedReports
        onCorrect={(r) => setForm({ task: { id: r.taskId, title: r.taskTitle, progress: r.taskProgress, ownerUnitName: r.ownerUnitName, dueDate: r.taskDueDate }, editing: r })}
      />
      <Input.Search
        allowClear
        placeholder={t('report.searchTasks')}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('report.noOpenTasks') }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, simple: !screens.md, size: 'small', align: 'center' }}
        renderItem={(k) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <TaskCard k={k} onReport={() => setForm({ task: target(k), editing: null })} onHistory={() => setParams({ taskId: k.id }, { replace: true })} />
          </List.Item>
        )}
        data-testid="my-tasks"
      />
      <ReportFormDrawer task={form?.task ?? null} editing={form?.editing ?? null} onClose={() => setForm(null)} />
      <Drawer
        open={!!historyId}
        width={screens.md ? 640 : '100%'}
        title={historyTask ? historyTask.title : t('report.historyTitle')}
        extra={historyTask && <Tag>{`${historyTask.progress}%`}</Tag>}
        onClose={() => setParams({}, { replace: true })}
        destroyOnHidden
      >
        {historyId && <TaskReports taskId={historyId} task={historyTask ? { ...target(historyTask), status: historyTask.status } : undefined} />}
      </Drawer>
    </div>
  );
}
