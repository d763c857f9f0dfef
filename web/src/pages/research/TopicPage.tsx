import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Statistic, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { researchStatuses } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError, errorText } from '../../app/errors';
import { useDeleteTopic, useMoveTopic, useTopic } from './hooks';
import { nextStatus, researchLabel, statusColor } from './labels';
import { ProblemsCard } from './components/ProblemsCard';
import { TopicFormDrawer } from './components/TopicFormDrawer';

/** 调研课题: status steps, units, report, findings and the problems with their rectification tasks. */
export default function TopicPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const { data: topic, isLoading, error } = useTopic(id);
  const move = useMoveTopic();
  const del = useDeleteTopic();
  const [editing, setEditing] = useState(false);
  const writable = can('plan.research.write');

  if (isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!topic) return <Result status="404" title={errorText(t, error)} extra={<Link to="/plan/research">{t('common.back')}</Link>} />;

  const next = nextStatus(topic.status);
  const advance = () =>
    next &&
    move.mutateAsync({ topic, status: next }).then(
      () => message.success(t('research.moved', { status: t(researchLabel.status(next)) })),
      (e) => onError(e),
    );
  const remove = () =>
    del.mutateAsync(topic).then(
      () => navigate('/plan/research'),
      (e) => onError(e),
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="topic-page">
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space align="center">
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/plan/research')} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {topic.title}
            </Typography.Title>
            <Tag color={statusColor[topic.status]}>{t(researchLabel.status(topic.status))}</Tag>
          </Space>
          {writable && (
            <Space>
              {next && (
                <Popconfirm title={t('research.moveConfirm', { status: t(researchLabel.status(next)) })} onConfirm={() => void advance()}>
                  <Button type="primary" icon={<ArrowRightOutlined />} loading={move.isPending} data-testid="topic-advance">
                    {t('research.moveTo', { status: t(researchLabel.status(next)) })}
                  </Button>
                </Popconfirm>
              )}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('common.confirmDelete')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} />
              </Popconfirm>
            </Space>
          )}
        </Space>
        <Steps
          size="small"
          style={{ marginTop: 20 }}
          current={researchStatuses.indexOf(topic.status)}
          status={topic.status === 'closed' ? 'finish' : 'process'}
          items={researchStatuses.map((s) => ({ title: t(researchLabel.status(s)) }))}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('research.info')}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('research.problemArea')}>{topic.problemArea}</Descriptions.Item>
              <Descriptions.Item label={t('research.leader')}>{topic.leaderName}</Descriptions.Item>
              <Descriptions.Item label={t('research.units')} span={2}>
                <Space size={[4, 4]} wrap>
                  {topic.units.map((u) => (
                    <Tag key={u.id}>{u.name}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('research.report')} span={2}>
                {topic.reportDocument ? (
                  <Space>
                    <FileTextOutlined />
                    {topic.reportDocument.title}
                    {topic.reportDocument.docNo && <Typography.Text type="secondary">{topic.reportDocument.docNo}</Typography.Text>}
                  </Space>
                ) : (
                  t('common.none')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('research.findings')} span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{topic.findings || t('common.none')}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('research.rectification')}>
            <Row gutter={8}>
              <Col span={8}>
                <Statistic title={t('research.stat.problems')} value={topic.problemCount} />
              </Col>
              <Col span={8}>
                <Statistic title={t('research.stat.rectified')} value={topic.rectifiedCount} />
              </Col>
              <Col span={8}>
                <Statistic title={t('research.stat.done')} value={topic.doneCount} valueStyle={{ color: '#2e7d32' }} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <ProblemsCard topic={topic} writable={writable} />
      <TopicFormDrawer open={editing} editing={topic} onClose={() => setEditing(false)} />
    </Space>
  );
}
