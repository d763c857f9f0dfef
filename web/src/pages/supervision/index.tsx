import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Popconfirm, Progress, Select, Space, Table, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SupervisionPlan } from '@santong/contract';
import { useApiError } from '../../app/errors';
import { useCampaignOptions } from '../campaigns/hooks';
import { useDeletePlan, usePlans } from './hooks';
import { PlanFormDrawer } from './components/PlanFormDrawer';
import { PassRateCharts } from './components/PassRateCharts';

/** The campaign in the address, defaulting to the active one. */
function useCampaignParam(): [string | undefined, (id: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaignOptions();
  const fromUrl = params.get('campaignId') ?? undefined;
  const active = campaigns.data?.items.find((c) => c.status === 'active')?.id;
  const set = (id: string | undefined) => setParams(id ? { ...Object.fromEntries(params), campaignId: id } : {}, { replace: true });
  return [fromUrl ?? active, set];
}

function PlanList({ campaignId }: { campaignId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<SupervisionPlan | null | undefined>(undefined);
  const { data, isFetching } = usePlans({ campaignId, year, page, pageSize });
  const remove = useDeletePlan();
  const manage = data?.abilities.managePlans ?? false;
  useEffect(() => setPage(1), [campaignId]);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker picker="year" placeholder={t('supervision.year')} value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => { setYear(d ? d.year() : undefined); setPage(1); }} />
        {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="plan-new">{t('supervision.newPlan')}</Button>}
      </Space>
      <Table<SupervisionPlan>
        size="middle"
        rowKey="id"
        data-testid="plan-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onChange={(pg) => { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('supervision.month'), dataIndex: 'month', key: 'month', width: 100 },
          { title: t('supervision.title'), dataIndex: 'title', key: 'title', render: (v: string, p) => <Link to={`/assess/supervision/${p.id}`}>{v}</Link> },
          { title: t('supervision.indicatorCount'), dataIndex: 'indicatorCount', key: 'indicatorCount', width: 90, align: 'right' },
          { title: t('supervision.checkCount'), dataIndex: 'checkCount', key: 'checkCount', width: 90, align: 'right' },
          {
            title: t('supervision.passRate'), key: 'rate', width: 200,
            render: (_, p) => (p.checkCount ? <Progress size="small" percent={Math.round((p.passCount / p.checkCount) * 1000) / 10} success={{ percent: 0 }} strokeColor={p.passCount / p.checkCount >= 0.8 ? '#52c41a' : '#fa8c16'} /> : '—'),
          },
          { title: t('supervision.result.partial'), dataIndex: 'partialCount', key: 'partialCount', width: 90, align: 'right' },
          { title: t('supervision.result.fail'), dataIndex: 'failCount', key: 'failCount', width: 80, align: 'right' },
          ...(manage
            ? [{
                title: t('common.actions'), key: 'actions', width: 120,
                render: (_: unknown, p: SupervisionPlan) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(p)}>{t('common.edit')}</Button>
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(p).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                      <Button type="link" size="small" danger>{t('common.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <PlanFormDrawer open={editing !== undefined} editing={editing ?? null} defaultCampaignId={campaignId} onClose={() => setEditing(undefined)} onCreated={(id) => navigate(`/assess/supervision/${id}`)} />
    </>
  );
}

/** 督导检查 (S12): the monthly plans of a campaign and the pass rates by unit and by month. */
export default function SupervisionPage() {
  const { t } = useTranslation();
  const campaigns = useCampaignOptions();
  const [campaignId, setCampaignId] = useCampaignParam();
  return (
    <Card size="small" styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        tabBarExtraContent={
          <Select style={{ width: 320 }} placeholder={t('supervision.campaign')} allowClear value={campaignId} onChange={(v) => setCampaignId(v)} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} data-testid="supervision-campaign" />
        }
        items={[
          { key: 'plans', label: t('supervision.plans'), children: <PlanList campaignId={campaignId} /> },
          { key: 'stats', label: t('supervision.stats'), children: <PassRateCharts campaignId={campaignId} /> },
        ]}
      />
    </Card>
  );
}
