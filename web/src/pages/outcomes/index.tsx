import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { mediumSuggestions, outcomeKinds, outcomeLevels, type Outcome } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useAreas, useDeleteOutcome, useOutcomes, type OutcomeFilters } from './hooks';
import { levelColor, outcomeLabel } from './labels';
import { OutcomeFormDrawer } from './components/OutcomeFormDrawer';

const filterKeys = ['q', 'kind', 'level', 'medium', 'areaCode', 'unitId', 'from', 'to'] as const;
type FilterForm = Omit<OutcomeFilters, 'from' | 'to'> & { range?: [dayjs.Dayjs, dayjs.Dayjs] };

/** The filters live in the address, so a count on the stats page links straight to its list. */
function useUrlFilters(): [OutcomeFilters, (f: OutcomeFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as OutcomeFilters, [params]);
  const set = (f: OutcomeFilters) => setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>);
  return [filters, set];
}

function FilterBar({ value, onChange }: { value: OutcomeFilters; onChange: (f: OutcomeFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const areas = useAreas();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ ...value, range: value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : undefined });
  }, [value, form]);
  const apply = ({ range, ...v }: FilterForm) => onChange({ ...v, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });
  return (
    <Form<FilterForm> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q"><Input allowClear placeholder={t('outcome.searchPlaceholder')} style={{ width: 180 }} /></Form.Item>
      <Form.Item name="kind"><Select allowClear placeholder={t('outcome.kind')} style={{ width: 120 }} options={outcomeKinds.map((k) => ({ value: k, label: t(outcomeLabel.kind(k)) }))} /></Form.Item>
      <Form.Item name="level"><Select allowClear placeholder={t('outcome.level')} style={{ width: 100 }} options={outcomeLevels.map((l) => ({ value: l, label: t(outcomeLabel.level(l)) }))} /></Form.Item>
      <Form.Item name="medium"><Select allowClear showSearch placeholder={t('outcome.medium')} style={{ width: 160 }} options={mediumSuggestions.map((m) => ({ value: m, label: m }))} /></Form.Item>
      <Form.Item name="areaCode"><Select allowClear placeholder={t('outcome.area')} style={{ width: 200 }} options={(areas.data?.items ?? []).map((a) => ({ value: a.code, label: a.name }))} /></Form.Item>
      <Form.Item name="unitId"><UnitTreeSelect placeholder={t('outcome.unit')} style={{ width: 180 }} /></Form.Item>
      <Form.Item name="range"><DatePicker.RangePicker style={{ width: 240 }} /></Form.Item>
      <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      <Form.Item><Button onClick={() => onChange({})}>{t('common.reset')}</Button></Form.Item>
    </Form>
  );
}

/** 成果登记 (S10, S15): the register, filterable by the stats page's dimensions. */
export default function OutcomesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [filters, setFilters] = useUrlFilters();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [editing, setEditing] = useState<Outcome | null | undefined>(undefined);
  const { data, isFetching } = useOutcomes({ ...filters, page, pageSize, sort });
  const remove = useDeleteOutcome();
  const writable = can('execute.outcome.write');

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar value={filters} onChange={(f) => { setFilters(f); setPage(1); }} />
      <Space style={{ marginBottom: 12 }} wrap>
        {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="outcome-new">{t('outcome.new')}</Button>}
        <ExcelActions base="/api/v1/outcomes" fileStem="outcomes" filters={{ ...filters, sort }} canImport={false} />
        <Link to="/execute/outcome-stats"><Button icon={<BarChartOutlined />}>{t('menu.execute.outcomeStats')}</Button></Link>
      </Space>
      <Table<Outcome>
        size="middle"
        rowKey="id"
        data-testid="outcome-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) { setSort(next); setPage(1); } else { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('outcome.kind'), dataIndex: 'kind', key: 'kind', width: 100, sorter: true, render: (k: Outcome['kind']) => t(outcomeLabel.kind(k)) },
          { title: t('outcome.title'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, x) => (x.link ? <a href={x.link} target="_blank" rel="noreferrer">{v}</a> : v) },
          { title: t('outcome.unit'), dataIndex: 'unitName', key: 'unitName', width: 150, sorter: true },
          { title: t('outcome.people'), key: 'people', width: 140, render: (_, x) => x.people.map((p) => p.name).join('、') },
          { title: t('outcome.level'), dataIndex: 'level', key: 'level', width: 90, sorter: true, render: (l: Outcome['level']) => <Tag color={levelColor[l]}>{t(outcomeLabel.level(l))}</Tag> },
          { title: t('outcome.medium'), dataIndex: 'medium', key: 'medium', width: 150, sorter: true },
          { title: t('outcome.publishedOn'), dataIndex: 'publishedOn', key: 'publishedOn', width: 110, sorter: true },
          { title: t('outcome.area'), dataIndex: 'areaName', key: 'areaName', width: 180 },
          ...(writable
            ? [{
                title: t('common.actions'), key: 'actions', width: 120, fixed: 'right' as const,
                render: (_: unknown, x: Outcome) => (
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
      <OutcomeFormDrawer open={editing !== undefined} editing={editing ?? null} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
