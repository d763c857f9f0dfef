import { Button, Card, Empty, Progress, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RatingSummary } from '@santong/contract';
import { useMyRatings } from './hooks';
import { statusColor } from './labels';

/** 我的评分: every form assigned to me, open ones of the current scheme first. */
export default function RatingsPage() {
  const { t } = useTranslation();
  const { data, isFetching } = useMyRatings();
  if (data && !data.items.length) return <Card><Empty description={t('assessment.rating.empty')} /></Card>;
  return (
    <Card size="small">
      <Table<RatingSummary>
        size="middle"
        rowKey="assignmentId"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="my-ratings"
        columns={[
          { title: t('assessment.rating.scheme'), key: 'scheme', render: (_, r) => <>{r.schemeTitle} <Tag color={statusColor[r.schemeStatus]}>{t(`assessment.status.${r.schemeStatus}`)}</Tag></> },
          { title: t('assessment.rating.target'), dataIndex: 'targetName', width: 140 },
          { title: t('assessment.rating.group'), dataIndex: 'groupName', width: 120 },
          { title: t('assessment.rating.progress'), key: 'progress', width: 160, render: (_, r) => <Progress size="small" percent={r.total ? Math.round((100 * r.scored) / r.total) : 0} format={() => `${r.scored}/${r.total}`} /> },
          { title: t('assessment.rating.deadline'), dataIndex: 'ratingDeadline', width: 110 },
          { title: t('assessment.status'), dataIndex: 'status', width: 90, render: (s: RatingSummary['status']) => <Tag color={s === 'submitted' ? 'success' : 'processing'}>{t(`assessment.rating.state.${s}`)}</Tag> },
          {
            title: t('common.actions'), key: 'actions', width: 90,
            render: (_, r) => (
              <Link to={`/assess/ratings/${r.assignmentId}`}>
                <Button type="link" size="small">{t(r.status === 'open' && r.schemeStatus === 'rating' ? 'assessment.rating.fill' : 'assessment.rating.view')}</Button>
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
