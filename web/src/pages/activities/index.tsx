import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Statistic, Table, Tag } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { activityKinds, type Activity } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { GoalSelect } from '../study/components/GoalSelect';
import { useActivities, useActivityStats, useDeleteActivity, type ActivityFilters } from './hooks';
import { activityLabel, kindColor } from './labels';
import { ActivityFormDrawer } from './components/ActivityFormDrawer';
import { StudioSelect } from './components/StudioSelect';

type FilterForm = Omit<ActivityFilters, 'from' | 'to' | 'goalId'> & { goalIds?: string[]; range?: [dayjs.Dayjs, dayjs.Dayjs] };

function FilterBar({ onChange }: { onChange: (f: ActivityFilters) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<FilterForm>();
  const apply = ({ range, goalIds, ...v }: FilterForm) =>
    onChange({
      ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')),
      goalId: goalIds?.[0], from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form<FilterForm> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q"><Input allowClear placeholder={t('activity.searchPlaceholder')} style={{ width: 180 }} /></Form.Item>
      <Form.Item name="kind"><Select allowClear placeholder={t('activity.kind')} style={{ width: 130 }} options={activityKinds.map((k) => ({ value: k, label: t(activityLabel.kind(k)) }))} /></Form.Item>
      <Form.Item name="unitId"><UnitTreeSelect placeholder={t('activity.unit')} style={{ width: 180 }} /></Form.Item>
      {can('execute.innovation.read') && <Form.Item name="projectId"><StudioSelect placeholder={t('activity.project')} style={{ width: 220 }} /></Form.Item>}
      <Form.Item name="goalIds"><GoalSelect placeholder={t('activity.goals')} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="range"><DatePicker.RangePicker style={{ width: 240 }} /></Form.Item>
      <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      <Form.Item><Button onClick={() => { form.resetFields(); onChange({}); }}>{t('common.reset')}</Button></Form.Item>
    </Form>
  );
}

/** Counts by kind for the current period and unit filter. */
function KindStrip({ filters }: { filters: ActivityFilters }) {
  const { t } = useTranslation();
  const { data } = useActivityStats({ from: filters.from, to: filters.to, unitId: filters.unitId });
  if (!data) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <Space size="large" wrap data-testid="activity-stats">
        <Statistic title={t('activity.total')} value={data.total.count} />
        <Statistic title={t('activity.totalParticipants')} value={data.total.participants} />
        {data.byKind.map((k) => <Statistic key={k.kind} title={t(activityLabel.kind(k.kind))} value={k.count} />)}
      </Space>
    </div>
  );
}

/** 活动记录 (S7): forums, 座谈会, competitions, studio activities and practice, with photos and files. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [filters, setFilters] = useState<ActivityFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const { data, isFetching } = useActivities({ ...filters, page, pageSize, sort });
  const remove = useDeleteActivity();
  const writable = can('execute.activity.write');

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar onChange={(f) => { setFilters(f); setPage(1); }} />
      <KindStrip filters={filters} />
      <Space style={{ marginBottom: 12 }} wrap>
        {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="activity-new">{t('activity.new')}</Button>}
        <ExcelActions base="/api/v1/activities" fileStem="activities" filters={{ ...filters, sort }} canImport={false} />
      </Space>
      <Table<Activity>
        size="middle" rowKey="id" data-testid="activity-table" loading={isFetching} dataSource={data?.items ?? []} scroll={{ x: 1450 }}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) { setSort(next); setPage(1); } else { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('activity.heldOn'), dataIndex: 'heldOn', key: 'heldOn', width: 110, sorter: true },
          { title: t('activity.kind'), dataIndex: 'kind', key: 'kind', width: 110, sorter: true, render: (k: Activity['kind']) => <Tag color={kindColor[k]}>{t(activityLabel.kind(k))}</Tag> },
          { title: t('activity.title'), dataIndex: 'title', key: 'title', width: 320, sorter: true, render: (v: string, x) => (writable ? <a onClick={() => setEditing(x)}>{v}</a> : v) },
          { title: t('activity.unit'), dataIndex: 'unitName', key: 'unitName', width: 160, sorter: true },
          { title: t('activity.participants'), dataIndex: 'participants', key: 'participants', width: 100, sorter: true, align: 'right' },
          {
            title: t('activity.project'), dataIndex: 'projectTitle', key: 'projectTitle', width: 220,
            render: (v: string | null, x) => (v && can('execute.innovation.read') ? <Link to={`/execute/innovation/${x.projectId}`}>{v}</Link> : v),
          },
          { title: t('activity.goals'), key: 'goals', width: 200, render: (_, x) => x.goals.map((g) => <Tag key={g.id} color={g.track === 'party' ? 'red' : 'blue'}>{g.name}</Tag>) },
          { title: t('activity.fileCount'), dataIndex: 'fileCount', key: 'fileCount', width: 70, render: (n: number) => (n ? <><PaperClipOutlined /> {n}</> : null) },
          ...(writable
            ? [{
                title: t('common.actions'), key: 'actions', width: 120, fixed: 'right' as const,
                render: (_: unknown, x: Activity) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(x)}>{t('common.edit')}</Button>
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(x).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                      <Button type="link" size="small" danger>{t('common.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <ActivityFormDrawer open={editing !== undefined} editing={editing ?? null} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
