import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Statistic, Tabs, Tag, Typography } from 'antd';
import { ApartmentOutlined, ArrowLeftOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined, FileTextOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { isApiError } from '../../app/api';
import { DocumentRegister } from '../documents/components/DocumentRegister';
import { useCampaign, useCampaignStatus, useDeleteCampaign } from './hooks';
import { campaignLabel, kindColor, statusColor } from './labels';
import { WorkLoopChart } from './components/WorkLoopChart';
import { BodyDrawer } from './components/BodyDrawer';
import { CampaignFormDrawer } from './components/CampaignFormDrawer';

function Actions({ campaign, onEdit }: { campaign: CampaignDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiError();
  const status = useCampaignStatus();
  const del = useDeleteCampaign();
  const move = (to: 'active' | 'closed') =>
    status.mutateAsync({ campaign, status: to }).then(() => void message.success(t('common.saved')), onError);
  return (
    <Space wrap>
      {campaign.status !== 'closed' && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="campaign-edit">
          {t('common.edit')}
        </Button>
      )}
      {campaign.status === 'draft' && (
        <Popconfirm title={t('campaign.activateConfirm')} onConfirm={() => move('active')}>
          <Button type="primary" icon={<PlayCircleOutlined />} loading={status.isPending} data-testid="campaign-activate">
            {t('campaign.activate')}
          </Button>
        </Popconfirm>
      )}
      {campaign.status === 'active' && (
        <Popconfirm title={t('campaign.closeConfirm')} onConfirm={() => move('closed')}>
          <Button icon={<CheckCircleOutlined />} loading={status.isPending} data-testid="campaign-close">
            {t('campaign.close')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t('campaign.deleteConfirm')}
        okButtonProps={{ danger: true }}
        onConfirm={() => del.mutateAsync(campaign).then(() => navigate('/plan/campaigns'), onError)}
      >
        <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="campaign-delete">
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** Title, tags, actions, period, description and counts of a campaign. */
function CampaignHeader({ campaign: c, onEdit }: { campaign: CampaignDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  return (
    <Card size="small">
      <Row gutter={[16, 12]} align="middle">
        <Col flex="auto">
          <Space align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/plan/campaigns')} aria-label={t('common.back')} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="campaign-title">
              {c.title}
            </Typography.Title>
            <Tag color={kindColor[c.kind]}>{t(campaignLabel.kind(c.kind))}</Tag>
            <Tag color={statusColor[c.status]} data-testid="campaign-status">
              {t(campaignLabel.status(c.status))}
            </Tag>
          </Space>
        </Col>
        <Col>{can('plan.campaign.write') && <Actions campaign={c} onEdit={onEdit} />}</Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} lg={16}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('campaign.period')}>{`${c.startDate} ~ ${c.endDate}`}</Descriptions.Item>
            {c.description && <Descriptions.Item label={t('campaign.description')}>{c.description}</Descriptions.Item>}
          </Descriptions>
        </Col>
        <Col xs={24} lg={8}>
          <Row gutter={8}>
            <Col span={8}><Statistic title={t('campaign.bodyCount')} value={c.bodyCount} /></Col>
            <Col span={8}><Statistic title={t('campaign.memberCount')} value={c.memberCount} /></Col>
            <Col span={8}><Statistic title={t('campaign.documentCount')} value={c.documentCount} /></Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}

export default function CampaignDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { data: c, isLoading, error } = useCampaign(id);
  const [bodyDrawer, setBodyDrawer] = useState<{ id: string | null } | null>(null);
  const [editing, setEditing] = useState(false);

  if (isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !c)
    return <Result status={isApiError(error) && error.status === 404 ? '404' : 'error'} title={t(isApiError(error) && error.status === 404 ? 'error.CAMPAIGN_NOT_FOUND' : 'error.UNKNOWN')} extra={<Button onClick={() => navigate('/plan/campaigns')}>{t('common.back')}</Button>} />;

  const writable = can('plan.campaign.write') && c.status !== 'closed';
  const openBody = bodyDrawer?.id ? (c.bodies.find((b) => b.id === bodyDrawer.id) ?? null) : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CampaignHeader campaign={c} onEdit={() => setEditing(true)} />
      {c.status === 'closed' && <Alert type="info" showIcon message={t('campaign.readOnlyClosed')} />}
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'loop',
              label: <span><ApartmentOutlined /> {t('campaign.tab.loop')}</span>,
              children: (
                <>
                  {writable && (
                    <div style={{ textAlign: 'right', marginBottom: 8 }}>
                      <Button icon={<PlusOutlined />} onClick={() => setBodyDrawer({ id: null })} data-testid="body-new">
                        {t('campaign.body.new')}
                      </Button>
                    </div>
                  )}
                  <WorkLoopChart bodies={c.bodies} editable={writable} onOpen={(b) => setBodyDrawer({ id: b.id })} />
                </>
              ),
            },
            {
              key: 'documents',
              label: <span><FileTextOutlined /> {t('campaign.tab.documents')}</span>,
              children: <DocumentRegister campaignId={c.id} />,
            },
          ]}
        />
      </Card>
      <BodyDrawer campaignId={c.id} body={openBody} open={!!bodyDrawer} writable={writable} onClose={() => setBodyDrawer(null)} />
      <CampaignFormDrawer open={editing} editing={c} onClose={() => setEditing(false)} />
    </Space>
  );
}
