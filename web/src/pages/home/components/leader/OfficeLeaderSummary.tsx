import { useState } from 'react';
import { Button, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaderOverview } from '@santong/contract';
import { useLeaderOverview } from '../../leaderHooks';
import { LeaderDutyView } from './LeaderDutyView';
import { RagBadges } from './RagBadges';

type Row = LeaderOverview['leaders'][number];

/** The office's summary: every leader with their units, task colours, lectures and topics; opens a leader's view. */
export function OfficeLeaderSummary() {
  const { t } = useTranslation();
  const { data, isLoading } = useLeaderOverview();
  const [viewing, setViewing] = useState<Row | null>(null);
  return (
    <Card size="small" title={t('leaderView.overview')} extra={data && <Typography.Text type="secondary">{t('leaderView.asOf', { date: data.today })}</Typography.Text>}>
      <Table<Row>
        size="small"
        rowKey="personId"
        loading={isLoading}
        pagination={false}
        data-testid="leader-overview"
        dataSource={data?.leaders ?? []}
        columns={[
          {
            title: t('leaderView.leader'),
            key: 'name',
            width: 200,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.title}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('leaderView.units'),
            key: 'units',
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {r.inCharge.map((n) => (
                  <Tag key={`c-${n}`} color="red" bordered={false}>
                    {t('duty.kind.in_charge')} · {n}
                  </Tag>
                ))}
                {r.linked.map((n) => (
                  <Tag key={`l-${n}`} color="blue" bordered={false}>
                    {t('duty.kind.linked')} · {n}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('leaderView.rag'), key: 'rag', width: 170, render: (_, r) => <RagBadges rag={r.rag} /> },
          { title: t('leaderView.lectures'), dataIndex: 'lectureCount', width: 80, align: 'right' },
          { title: t('leaderView.topics'), dataIndex: 'topicCount', width: 90, align: 'right' },
          {
            key: 'open',
            width: 90,
            render: (_, r) => (
              <Button size="small" onClick={() => setViewing(r)}>
                {t('leaderView.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={!!viewing} width="80%" title={viewing ? t('leaderView.title', { name: viewing.name }) : ''} onClose={() => setViewing(null)} destroyOnHidden>
        {viewing && <LeaderDutyView personId={viewing.personId} />}
      </Drawer>
    </Card>
  );
}
