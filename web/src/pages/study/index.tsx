import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Progress, Select, Space, Table, Tag, Tooltip } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { studyKinds, type StudySession } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useStudySessions, type StudyFilters } from './hooks';
import { kindColor, studyLabel, trackColor } from './labels';
import { StudyFormDrawer } from './components/StudyFormDrawer';
import { GoalSelect } from './components/GoalSelect';

type FilterShape = Omit<StudyFilters, 'from' | 'to' | 'goalId'> & { range?: [Dayjs, Dayjs]; goalIds?: string[] };

function FilterBar({ onChange }: { onChange: (f: StudyFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterShape>();
  const apply = ({ range, goalIds, ...v }: FilterShape) =>
    onChange(
      Object.fromEntries(
        Object.entries({ ...v, goalId: goalIds?.[0], from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }).filter(([, x]) => x !== undefined && x !== null && x !== ''),
      ),
    );
  return (
    <Form<FilterShape> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q">
        <Input allowClear placeholder={t('study.searchPlaceholder')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="kind">
        <Select allowClear placeholder={t('study.kind')} style={{ width: 130 }} options={studyKinds.map((k) => ({ value: k, label: t(studyLabel.kind(k)) }))} />
      </Form.Item>
      <Form.Item name="hostUnitId">
        <UnitTreeSelect placeholder={t('study.hostUnit')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="goalIds">
        <GoalSelect placeholder={t('study.goal')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker style={{ width: 240 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** 学习活动: central-group study, reading classes, seminars and branch study with attendance (S4). */
export default function StudyPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useState<StudyFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<{ id: string | null } | null>(null);
  const { data, isFetching } = useStudySessions({ ...filters, page, pageSize, sort });
  const writable = can('plan.study.write');

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null })} data-testid="study-new">
            {t('study.new')}
          </Button>
        )}
        <ExcelActions base="/api/v1/study-sessions" fileStem="study-sessions" filters={{ ...filters, sort }} canImport={false} />
      </Space>
      <Table<StudySession>
        size="middle"
        rowKey="id"
        data-testid="study-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(s) => ({ onClick: () => setDrawer({ id: s.id }), style: { cursor: 'pointer' } })}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) {
            setSort(next);
            setPage(1);
          } else {
            setPage(pg.current ?? 1);
            setPageSize(pg.pageSize ?? 20);
          }
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('study.heldOn'), dataIndex: 'heldOn', key: 'heldOn', width: 110, sorter: true },
          {
            title: t('study.kind'),
            dataIndex: 'kind',
            key: 'kind',
            width: 110,
            render: (k: StudySession['kind']) => <Tag color={kindColor[k]}>{t(studyLabel.kind(k))}</Tag>,
          },
          { title: t('study.title'), dataIndex: 'title', key: 'title', ellipsis: true, sorter: true },
          { title: t('study.hostUnit'), dataIndex: 'hostUnitName', key: 'hostUnitName', width: 180, ellipsis: true, sorter: true },
          {
            title: t('study.attendanceRate'),
            key: 'attendance',
            width: 170,
            render: (_, s) => (
              <Tooltip title={t('study.attendance', { came: s.attendedCount, listed: s.attendeeCount })}>
                <Progress percent={Math.round(s.attendanceRate * 100)} size="small" format={() => `${s.attendedCount}/${s.attendeeCount}`} />
              </Tooltip>
            ),
          },
          {
            title: t('study.goals'),
            key: 'goals',
            width: 260,
            render: (_, s) => (
              <Space size={[2, 2]} wrap>
                {s.goals.map((g) => (
                  <Tag key={g.id} color={trackColor(g.track)} bordered={false}>
                    {g.name}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('study.minutes'), dataIndex: 'minutesCount', key: 'minutesCount', width: 70, render: (n: number) => (n ? <span><PaperClipOutlined /> {n}</span> : null) },
        ]}
      />
      <StudyFormDrawer open={!!drawer} editingId={drawer?.id ?? null} writable={writable} onClose={() => setDrawer(null)} />
    </Card>
  );
}
