import { useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Progress, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { honourCategories, type HonourCategory, type HonourNomination, type HonourRound } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { useRound, useRoundStep, type Decision } from './hooks';
import { honourLabel, roundColor } from './labels';
import { NominationTable } from './components/NominationTable';
import { NominateDrawer } from './components/NominateDrawer';
import { DecisionModal } from './components/DecisionModal';
import { PublicityModal } from './components/PublicityModal';
import { RoundFormDrawer } from './components/RoundFormDrawer';

/** Quota and counts of one category: places approved against the quota. */
function QuotaCard({ round, category }: { round: HonourRound; category: HonourCategory }) {
  const { t } = useTranslation();
  const quota = round.quotas[category];
  const c = round.counts[category];
  return (
    <Card size="small" data-testid={`quota-${category}`}>
      <Typography.Text strong>{t(honourLabel.category(category))}</Typography.Text>
      <Progress percent={quota ? Math.round((c.approved / quota) * 100) : 0} status={c.approved >= quota ? 'success' : 'active'} format={() => `${c.approved}/${quota}`} />
      <Typography.Text type="secondary">{t('honour.used', c)}</Typography.Text>
    </Card>
  );
}

/** The office's step buttons for the round's stage. */
function StepActions({ round, onPublicity, onEdit }: { round: HonourRound; onPublicity: () => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const step = useRoundStep();
  const run = (s: 'start-review' | 'close') => step.mutateAsync({ id: round.id, step: s }).then(() => void message.success(t('common.saved')), (e) => onError(e));
  return (
    <Space wrap>
      {(round.status === 'nominating' || round.status === 'reviewing') && <Button onClick={onEdit}>{t('honour.round.edit')}</Button>}
      {round.status === 'nominating' && (
        <Popconfirm title={t('honour.step.confirm')} onConfirm={() => run('start-review')}><Button type="primary" data-testid="round-start-review">{t('honour.step.startReview')}</Button></Popconfirm>
      )}
      {round.status === 'reviewing' && <Button type="primary" onClick={onPublicity} data-testid="round-publicity">{t('honour.step.openPublicity')}</Button>}
      {round.status === 'publicity' && (
        <Popconfirm title={t('honour.step.confirm')} onConfirm={() => run('close')}><Button type="primary" data-testid="round-close">{t('honour.step.close')}</Button></Popconfirm>
      )}
    </Space>
  );
}

/** One 两优一先 round: quotas and counts, the publicity banner, nominations per category. */
export default function HonourRoundPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const { data: round, isLoading } = useRound(id);
  const [category, setCategory] = useState<HonourCategory>('outstanding_member');
  const [nominating, setNominating] = useState(false);
  const [publicity, setPublicity] = useState(false);
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState<{ n: HonourNomination; d: Decision } | null>(null);
  if (isLoading || !round) return <Spin />;
  const exportList = (status?: string) =>
    api.download(`/api/v1/honour-rounds/${round.id}/nominations/export`, { status }, `${round.year}-${status ?? 'nominations'}.xlsx`).catch((e) => onError(e));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<Space wrap><span data-testid="round-title">{round.title}</span><Tag color={roundColor[round.status]} data-testid="round-status">{t(honourLabel.roundStatus(round.status))}</Tag></Space>}
        extra={can('execute.honour.review') && <StepActions round={round} onPublicity={() => setPublicity(true)} onEdit={() => setEditing(true)} />}>
        {round.status === 'publicity' && (
          <Alert type="warning" showIcon data-testid="publicity-banner" style={{ marginBottom: 12 }} message={t('honour.publicityBanner', { start: round.publicityStart, end: round.publicityEnd })} />
        )}
        <Row gutter={[12, 12]}>
          {honourCategories.map((c) => <Col key={c} xs={24} md={8}><QuotaCard round={round} category={c} /></Col>)}
        </Row>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={category}
          onChange={(k) => setCategory(k as HonourCategory)}
          tabBarExtraContent={
            <Space wrap>
              {can('execute.honour.nominate') && round.status === 'nominating' && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="nomination-new">{t('honour.nominate')}</Button>
              )}
              {(round.status === 'closed' || round.counts[category].awarded > 0) && (
                <Button icon={<DownloadOutlined />} onClick={() => void exportList('awarded')} data-testid="export-awarded">{t('honour.exportAwarded')}</Button>
              )}
              <Button icon={<DownloadOutlined />} onClick={() => void exportList()}>{t('honour.exportAll')}</Button>
            </Space>
          }
          items={honourCategories.map((c) => ({
            key: c,
            label: `${t(honourLabel.category(c))}（${round.counts[c].approved}/${round.quotas[c]}）`,
            children: <NominationTable round={round} category={c} onDecide={(n, d) => setDecision({ n, d })} />,
          }))}
        />
      </Card>
      <NominateDrawer roundId={round.id} open={nominating} category={category} onClose={() => setNominating(false)} />
      <DecisionModal nomination={decision?.n ?? null} decision={decision?.d ?? null} onClose={() => setDecision(null)} />
      <PublicityModal round={round} open={publicity} onClose={() => setPublicity(false)} />
      <RoundFormDrawer open={editing} editing={round} onClose={() => setEditing(false)} />
    </Space>
  );
}
