import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { honourCategories, honourRoundStatuses, type HonourRound } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useRounds } from './hooks';
import { honourLabel, roundColor } from './labels';
import { RoundFormDrawer } from './components/RoundFormDrawer';

/** 两优一先 rounds, newest first; a round opens its page. */
export default function HonourRoundsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useRounds({ page, pageSize, status });
  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear placeholder={t('honour.round.status')} style={{ width: 140 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }}
          options={honourRoundStatuses.map((s) => ({ value: s, label: t(honourLabel.roundStatus(s)) }))} />
        {can('execute.honour.review') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-new">{t('honour.round.new')}</Button>}
      </Space>
      <Table<HonourRound>
        size="middle" rowKey="id" data-testid="round-table" loading={isFetching} dataSource={data?.items ?? []} scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => navigate(`/execute/honours/${r.id}`), style: { cursor: 'pointer' } })}
        onChange={(pg) => { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('honour.round.year'), dataIndex: 'year', key: 'year', width: 80 },
          { title: t('honour.round.title'), dataIndex: 'title', key: 'title', render: (v: string, r) => <Link to={`/execute/honours/${r.id}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
          { title: t('honour.round.status'), dataIndex: 'status', key: 'status', width: 100, render: (s: HonourRound['status']) => <Tag color={roundColor[s]}>{t(honourLabel.roundStatus(s))}</Tag> },
          {
            title: t('honour.round.quotas'), key: 'quotas', width: 360,
            render: (_, r) => (
              <Space wrap size={4}>
                {honourCategories.map((c) => <Tag key={c}>{t(honourLabel.category(c))} {t('honour.quotaOf', { approved: r.counts[c].approved, quota: r.quotas[c] })}</Tag>)}
              </Space>
            ),
          },
          { title: t('honour.round.publicity'), key: 'publicity', width: 200, render: (_, r) => (r.publicityStart ? `${r.publicityStart} ~ ${r.publicityEnd}` : '—') },
        ]}
      />
      <RoundFormDrawer open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/execute/honours/${id}`)} />
    </Card>
  );
}
