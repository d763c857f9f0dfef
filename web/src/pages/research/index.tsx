import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { researchStatuses, type ResearchTopic } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { PersonSelect } from '../../components/PersonSelect';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useTopics, type TopicFilters } from './hooks';
import { researchLabel, statusColor } from './labels';
import { TopicFormDrawer } from './components/TopicFormDrawer';

function FilterBar({ initial, onChange }: { initial?: TopicFilters; onChange: (f: TopicFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TopicFilters>();
  const apply = (v: TopicFilters) => onChange(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')));
  return (
    <Form<TopicFilters> form={form} layout="inline" initialValues={initial} onFinish={apply} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q">
        <Input allowClear placeholder={t('research.searchPlaceholder')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="status">
        <Select allowClear placeholder={t('research.status')} style={{ width: 130 }} options={researchStatuses.map((s) => ({ value: s, label: t(researchLabel.status(s)) }))} />
      </Form.Item>
      <Form.Item name="leaderPersonId">
        <PersonSelect placeholder={t('research.leader')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="unitId">
        <UnitTreeSelect placeholder={t('research.unit')} style={{ width: 200 }} />
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

/** 调研课题 (S5): the list; a topic opens its own page. */
export default function ResearchPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // filters may come in the address (the cockpit links to ?status=…)
  const [filters, setFilters] = useState<TopicFilters>(() => Object.fromEntries((['status', 'unitId', 'leaderPersonId', 'q'] as const).flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as TopicFilters);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useTopics({ ...filters, page, pageSize, sort });

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar
        initial={filters}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {can('plan.research.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="research-new">
            {t('research.new')}
          </Button>
        )}
        <ExcelActions base="/api/v1/research-topics" fileStem="research-topics" filters={{ ...filters, sort }} canImport={false} />
      </Space>
      <Table<ResearchTopic>
        size="middle"
        rowKey="id"
        data-testid="research-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(x) => ({ onClick: () => navigate(`/plan/research/${x.id}`), style: { cursor: 'pointer' } })}
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
          {
            title: t('research.title'),
            dataIndex: 'title',
            key: 'title',
            sorter: true,
            render: (v: string, x) => (
              <Link to={`/plan/research/${x.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
          { title: t('research.problemArea'), dataIndex: 'problemArea', key: 'problemArea', width: 130 },
          { title: t('research.leader'), dataIndex: 'leaderName', key: 'leaderName', width: 100, sorter: true },
          {
            title: t('research.units'),
            key: 'units',
            width: 240,
            render: (_, x) => (
              <Space size={[2, 2]} wrap>
                {x.units.map((u) => (
                  <Tag key={u.id} bordered={false}>
                    {u.name}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('research.status'),
            dataIndex: 'status',
            key: 'status',
            width: 100,
            sorter: true,
            render: (s: ResearchTopic['status']) => <Tag color={statusColor[s]}>{t(researchLabel.status(s))}</Tag>,
          },
          {
            title: t('research.rectification'),
            key: 'problems',
            width: 170,
            render: (_, x) => (
              <Typography.Text type={x.problemCount ? undefined : 'secondary'}>
                {t('research.problemSummary', { count: x.problemCount, rectified: x.rectifiedCount, done: x.doneCount })}
              </Typography.Text>
            ),
          },
        ]}
      />
      <TopicFormDrawer open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/plan/research/${id}`)} />
    </Card>
  );
}
