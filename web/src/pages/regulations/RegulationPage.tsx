import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Regulation } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { useDeleteRegulation, useRegulation, type Step } from './hooks';
import { regulationLabel, statusColor } from './labels';
import { RegulationFormDrawer } from './components/RegulationFormDrawer';
import { StepModal } from './components/StepModal';

/** The dated events of one version, for the history timeline. */
function events(r: Regulation, t: (k: string) => string) {
  return [
    r.effectiveOn && `${r.effectiveOn} ${t(r.versionNo === 1 ? 'regulation.event.made' : 'regulation.event.revisedIn')}`,
    r.revisedOn && `${r.revisedOn} ${t('regulation.event.superseded')}`,
    r.abolishedOn && `${r.abolishedOn} ${t('regulation.event.abolished')}${r.abolishReason ? `：${r.abolishReason}` : ''}`,
  ].filter(Boolean) as string[];
}

/** One regulation with its version history (立改废 of one series). */
export default function RegulationPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data, isLoading } = useRegulation(id);
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState(false);
  const remove = useDeleteRegulation();
  if (isLoading || !data) return <Spin />;
  const writable = can('execute.regulation.write');
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card size="small" title={<Space>{data.title}<Tag color={statusColor[data.status]}>{t(regulationLabel.status(data.status))}</Tag></Space>}
          extra={writable && (
            <Space>
              {data.status === 'draft' && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
              {data.status === 'draft' && <Button type="primary" onClick={() => setStep('publish')} data-testid="regulation-publish">{t('regulation.step.publish')}</Button>}
              {data.status === 'in_force' && <Button type="primary" onClick={() => setStep('revise')} data-testid="regulation-revise">{t('regulation.step.revise')}</Button>}
              {data.status === 'in_force' && <Button danger onClick={() => setStep('abolish')} data-testid="regulation-abolish">{t('regulation.step.abolish')}</Button>}
              {data.status === 'draft' && (
                <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(data).then(() => { void message.success(t('common.deleted')); navigate('/execute/regulations'); }, (e) => onError(e))}>
                  <Button danger>{t('common.delete')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}>
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('regulation.docNo')}>{data.docNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('regulation.ownerUnit')}>{data.ownerUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('regulation.category')}>{t(regulationLabel.category(data.category))}</Descriptions.Item>
            <Descriptions.Item label={t('regulation.versionNo')}>v{data.versionNo}</Descriptions.Item>
            <Descriptions.Item label={t('regulation.effectiveOn')}>{data.effectiveOn ?? '—'}</Descriptions.Item>
            {data.abolishedOn && <Descriptions.Item label={t('regulation.abolishedOn')}>{data.abolishedOn}</Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{data.body}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('regulation.history')} data-testid="regulation-history">
          <Timeline
            items={data.history.map((h) => ({
              color: h.id === data.id ? 'blue' : h.status === 'abolished' ? 'red' : 'gray',
              children: (
                <Space direction="vertical" size={0}>
                  <Space>
                    <Typography.Text strong={h.id === data.id}>v{h.versionNo}</Typography.Text>
                    {h.id === data.id ? h.title : <Link to={`/execute/regulations/${h.id}`}>{h.title}</Link>}
                    <Tag color={statusColor[h.status]}>{t(regulationLabel.status(h.status))}</Tag>
                  </Space>
                  {h.docNo && <Typography.Text type="secondary">{h.docNo}</Typography.Text>}
                  {events(h, t as (k: string) => string).map((e) => <Typography.Text key={e} type="secondary">{e}</Typography.Text>)}
                </Space>
              ),
            }))}
          />
        </Card>
      </Col>
      <StepModal regulation={data} step={step} onClose={() => setStep(null)} onDone={(next) => next !== data.id && navigate(`/execute/regulations/${next}`)} />
      <RegulationFormDrawer open={editing} editing={data} onClose={() => setEditing(false)} />
    </Row>
  );
}
