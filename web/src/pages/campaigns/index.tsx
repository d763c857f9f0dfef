import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { campaignKinds, campaignStatuses, type Campaign } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { useCampaigns, type CampaignFilters } from './hooks';
import { campaignLabel, kindColor, statusColor } from './labels';
import { CampaignFormDrawer } from './components/CampaignFormDrawer';

function FilterBar({ onChange }: { onChange: (f: CampaignFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CampaignFilters>();
  const apply = (v: CampaignFilters) => onChange(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')));
  return (
    <Form<CampaignFilters> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8 }}>
      <Form.Item name="q">
        <Input allowClear placeholder={t('campaign.searchPlaceholder')} style={{ width: 200 }} data-testid="campaign-q" />
      </Form.Item>
      <Form.Item name="status">
        <Select allowClear placeholder={t('campaign.status')} style={{ width: 130 }} options={campaignStatuses.map((s) => ({ value: s, label: t(campaignLabel.status(s)) }))} />
      </Form.Item>
      <Form.Item name="kind">
        <Select allowClear placeholder={t('campaign.kind')} style={{ width: 140 }} options={campaignKinds.map((k) => ({ value: k, label: t(campaignLabel.kind(k)) }))} />
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

export default function CampaignsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<CampaignFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useCampaigns({ ...filters, page, pageSize });

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {can('plan.campaign.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
            {t('campaign.new')}
          </Button>
        )}
        <ExcelActions base="/api/v1/campaigns" fileStem="campaigns" filters={{ ...filters }} canImport={false} />
      </Space>
      <Table<Campaign>
        size="middle"
        rowKey="id"
        data-testid="campaign-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onRow={(c) => ({ onClick: () => navigate(`/plan/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('campaign.title'), dataIndex: 'title', render: (v: string, c) => <Link to={`/plan/campaigns/${c.id}`}>{v}</Link> },
          { title: t('campaign.kind'), dataIndex: 'kind', width: 110, render: (k: Campaign['kind']) => <Tag color={kindColor[k]}>{t(campaignLabel.kind(k))}</Tag> },
          { title: t('campaign.period'), key: 'period', width: 210, render: (_: unknown, c) => `${c.startDate} ~ ${c.endDate}` },
          { title: t('campaign.status'), dataIndex: 'status', width: 100, render: (s: Campaign['status']) => <Tag color={statusColor[s]}>{t(campaignLabel.status(s))}</Tag> },
          { title: t('campaign.bodyCount'), dataIndex: 'bodyCount', width: 80, align: 'right' },
          { title: t('campaign.memberCount'), dataIndex: 'memberCount', width: 80, align: 'right' },
          { title: t('campaign.documentCount'), dataIndex: 'documentCount', width: 80, align: 'right' },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => {
            setPage(p);
            setPageSize(ps);
          },
        }}
      />
      <CampaignFormDrawer open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/plan/campaigns/${id}`)} />
    </Card>
  );
}
