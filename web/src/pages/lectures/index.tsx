import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Space, Table } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { Lecture } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { PersonSelect } from '../../components/PersonSelect';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useLectureStats, useLectures, type LectureFilters } from './hooks';
import { LectureFormDrawer } from './components/LectureFormDrawer';
import { LectureStatsCharts } from './components/LectureStatsCharts';

type FilterShape = Omit<LectureFilters, 'from' | 'to'> & { range?: [Dayjs, Dayjs] };

function FilterBar({ initial, onChange }: { initial?: LectureFilters; onChange: (f: LectureFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterShape>();
  const apply = ({ range, ...v }: FilterShape) =>
    onChange(
      Object.fromEntries(
        Object.entries({ ...v, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }).filter(([, x]) => x !== undefined && x !== null && x !== ''),
      ),
    );
  return (
    <Form<FilterShape>
      form={form}
      layout="inline"
      initialValues={{ ...initial, range: initial?.from && initial?.to ? [dayjs(initial.from), dayjs(initial.to)] : undefined }}
      onFinish={apply} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q">
        <Input allowClear placeholder={t('lecture.searchPlaceholder')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="lecturerPersonId">
        <PersonSelect placeholder={t('lecture.lecturer')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="audienceUnitId">
        <UnitTreeSelect placeholder={t('lecture.audienceUnit')} style={{ width: 200 }} />
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

/** 党课 (S6): the records, and totals per leader and per unit for the same filters. */
export default function LecturesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params] = useSearchParams();
  // filters may come in the address (the cockpit links to ?from=…&to=…)
  const [filters, setFilters] = useState<LectureFilters>(() => Object.fromEntries((['audienceUnitId', 'lecturerPersonId', 'from', 'to', 'q'] as const).flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as LectureFilters);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<{ editing: Lecture | null } | null>(null);
  const { data, isFetching } = useLectures({ ...filters, page, pageSize, sort });
  const stats = useLectureStats(filters);
  const writable = can('plan.lecture.write');

  return (
    <>
      <LectureStatsCharts stats={stats.data} loading={stats.isFetching} />
      <Card size="small" styles={{ body: { paddingTop: 16 } }}>
        <FilterBar
          initial={filters}
          onChange={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        <Space style={{ marginBottom: 12 }} wrap>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })} data-testid="lecture-new">
              {t('lecture.new')}
            </Button>
          )}
          <ExcelActions base="/api/v1/lectures" fileStem="lectures" filters={{ ...filters, sort }} canImport={false} />
        </Space>
        <Table<Lecture>
          size="middle"
          rowKey="id"
          data-testid="lecture-table"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          onRow={(l) => ({ onClick: () => setDrawer({ editing: l }), style: { cursor: 'pointer' } })}
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
            { title: t('lecture.heldOn'), dataIndex: 'heldOn', key: 'heldOn', width: 110, sorter: true },
            { title: t('lecture.topic'), dataIndex: 'topic', key: 'topic', ellipsis: true, sorter: true },
            { title: t('lecture.lecturer'), dataIndex: 'lecturerName', key: 'lecturerName', width: 100, sorter: true },
            { title: t('lecture.lecturerTitle'), dataIndex: 'lecturerTitle', key: 'lecturerTitle', width: 160, ellipsis: true },
            { title: t('lecture.audienceUnit'), dataIndex: 'audienceUnitName', key: 'audienceUnitName', width: 200, ellipsis: true, sorter: true },
            { title: t('lecture.audienceCount'), dataIndex: 'audienceCount', key: 'audienceCount', width: 100, sorter: true, align: 'right' },
            { title: t('lecture.location'), dataIndex: 'location', key: 'location', width: 150, ellipsis: true },
            { title: t('lecture.materials'), dataIndex: 'materialsCount', key: 'materialsCount', width: 96, render: (n: number) => (n ? <span><PaperClipOutlined /> {n}</span> : null) },
          ]}
        />
        <LectureFormDrawer open={!!drawer} editing={drawer?.editing ?? null} writable={writable} onClose={() => setDrawer(null)} />
      </Card>
    </>
  );
}
