import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { regulationCategories, regulationStatuses, type Regulation } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useRegulations, type RegulationFilters } from './hooks';
import { regulationLabel, statusColor } from './labels';
import { RegulationFormDrawer } from './components/RegulationFormDrawer';

type FilterForm = Omit<RegulationFilters, 'current'> & { current?: boolean };

function FilterBar({ onChange }: { onChange: (f: RegulationFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const apply = ({ current, ...v }: FilterForm) =>
    onChange({ ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')), current: current ? 'true' : undefined });
  return (
    <Form<FilterForm> form={form} layout="inline" onFinish={apply} initialValues={{ current: true }} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q"><Input allowClear placeholder={t('regulation.searchPlaceholder')} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="status"><Select allowClear placeholder={t('regulation.status')} style={{ width: 120 }} options={regulationStatuses.map((s) => ({ value: s, label: t(regulationLabel.status(s)) }))} /></Form.Item>
      <Form.Item name="category"><Select allowClear placeholder={t('regulation.category')} style={{ width: 130 }} options={regulationCategories.map((c) => ({ value: c, label: t(regulationLabel.category(c)) }))} /></Form.Item>
      <Form.Item name="ownerUnitId"><UnitTreeSelect placeholder={t('regulation.ownerUnit')} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="current" label={t('regulation.currentOnly')} valuePropName="checked"><Switch /></Form.Item>
      <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      <Form.Item><Button onClick={() => { form.resetFields(); onChange({ current: 'true' }); }}>{t('common.reset')}</Button></Form.Item>
    </Form>
  );
}

/** 制度清单 (S8, S11): the register; a regulation opens its page with the version history. */
export default function RegulationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<RegulationFilters>({ current: 'true' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useRegulations({ ...filters, page, pageSize, sort });
  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar onChange={(f) => { setFilters(f); setPage(1); }} />
      <Space style={{ marginBottom: 12 }} wrap>
        {can('execute.regulation.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="regulation-new">{t('regulation.new')}</Button>}
        <ExcelActions base="/api/v1/regulations" fileStem="regulations" filters={{ ...filters, sort }} canImport={false} />
        <Link to="/execute/regulation-cleanup"><Button icon={<FileSearchOutlined />}>{t('menu.execute.regulationCleanup')}</Button></Link>
      </Space>
      <Table<Regulation>
        size="middle" rowKey="id" data-testid="regulation-table" loading={isFetching} dataSource={data?.items ?? []} scroll={{ x: 1000 }}
        onRow={(x) => ({ onClick: () => navigate(`/execute/regulations/${x.id}`), style: { cursor: 'pointer' } })}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) { setSort(next); setPage(1); } else { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('regulation.title'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, x) => <Link to={`/execute/regulations/${x.id}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
          { title: t('regulation.docNo'), dataIndex: 'docNo', key: 'docNo', width: 180, sorter: true },
          { title: t('regulation.ownerUnit'), dataIndex: 'ownerUnitName', key: 'ownerUnitName', width: 180, sorter: true },
          { title: t('regulation.category'), dataIndex: 'category', key: 'category', width: 100, sorter: true, render: (c: Regulation['category']) => t(regulationLabel.category(c)) },
          { title: t('regulation.versionNo'), dataIndex: 'versionNo', key: 'versionNo', width: 70, render: (v: number) => `v${v}` },
          { title: t('regulation.status'), dataIndex: 'status', key: 'status', width: 100, sorter: true, render: (s: Regulation['status']) => <Tag color={statusColor[s]}>{t(regulationLabel.status(s))}</Tag> },
          { title: t('regulation.effectiveOn'), dataIndex: 'effectiveOn', key: 'effectiveOn', width: 110, sorter: true },
        ]}
      />
      <RegulationFormDrawer open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/execute/regulations/${id}`)} />
    </Card>
  );
}
