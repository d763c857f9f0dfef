import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, List, Popconfirm, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { InnovationAction, InnovationProjectDetail } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { AttachmentList } from '../study/components/AttachmentList';
import { activityLabel } from '../activities/labels';
import { useDeleteProject, useProject } from './hooks';
import { gradeColor, innovationLabel, levelColor, stageColor } from './labels';
import { ProjectFormDrawer } from './components/ProjectFormDrawer';
import { StepModal } from './components/StepModal';
import { OutcomeLinker } from './components/OutcomeLinker';

/** The step timeline: apply, approve/reject, cultivate, mid-term check, accept — each with date, actor and expert comment. */
function StepTimeline({ project }: { project: InnovationProjectDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="innovation-timeline"
      items={project.steps.map((s) => ({
        color: s.step === 'reject' || s.grade === 'fail' ? 'red' : s.step === 'accept' ? 'green' : 'blue',
        children: (
          <Space direction="vertical" size={0}>
            <Space>
              <Typography.Text strong>{t(innovationLabel.step(s.step))}</Typography.Text>
              <Typography.Text type="secondary">{s.at}</Typography.Text>
              {s.grade && <Tag color={gradeColor[s.grade]}>{t(innovationLabel.grade(s.grade))}</Tag>}
            </Space>
            {s.actorName && <Typography.Text type="secondary">{s.actorName}</Typography.Text>}
            {s.expertComment && <Typography.Text>{s.expertComment}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}

function ActivitiesCard({ project }: { project: InnovationProjectDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('innovation.activities')} style={{ marginTop: 16 }}>
      <List
        size="small"
        locale={{ emptyText: t('innovation.noActivities') }}
        dataSource={project.activities}
        renderItem={(a) => (
          <List.Item>
            <Space wrap>
              <Typography.Text type="secondary">{a.heldOn}</Typography.Text>
              <Tag>{t(activityLabel.kind(a.kind))}</Tag>
              <Typography.Text>{a.title}</Typography.Text>
              <Typography.Text type="secondary">{a.unitName} · {a.participants}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One project: its facts, the office's next steps, the step timeline, linked outcomes and (for studios) activities. */
export default function ProjectPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data, isLoading } = useProject(id);
  const [action, setAction] = useState<InnovationAction | null>(null);
  const [editing, setEditing] = useState(false);
  const remove = useDeleteProject();
  if (isLoading || !data) return <Spin />;
  const writable = can('execute.innovation.write');
  const closed = data.stage === 'accepted' || data.stage === 'rejected';
  const deletable = (data.stage === 'applied' || data.stage === 'rejected') && data.outcomeCount === 0 && data.activityCount === 0;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card size="small"
          title={<Space wrap>{data.title}<Tag color={stageColor[data.stage]}>{t(innovationLabel.stage(data.stage))}</Tag>{data.grade && <Tag color={gradeColor[data.grade]}>{t(innovationLabel.grade(data.grade))}</Tag>}</Space>}
          extra={
            <Space wrap>
              {can('execute.innovation.review') && data.nextActions.map((a) => (
                <Button key={a} type={a === 'reject' ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => setAction(a)} data-testid={`innovation-step-${a}`}>{t(innovationLabel.step(a))}</Button>
              ))}
              {writable && !closed && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
              {writable && deletable && (
                <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(data).then(() => { void message.success(t('common.deleted')); navigate('/execute/innovation'); }, (e) => onError(e))}>
                  <Button danger>{t('common.delete')}</Button>
                </Popconfirm>
              )}
            </Space>
          }>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('innovation.kind')}>{t(innovationLabel.kind(data.kind))}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.level')}><Tag color={levelColor[data.level]}>{t(innovationLabel.level(data.level))}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('innovation.unit')}>{data.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.leader')}>{data.leaderName}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.appliedOn')}>{data.appliedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.lastStepOn')}>{data.lastStepOn ?? '—'}</Descriptions.Item>
          </Descriptions>
          {data.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{data.summary}</Typography.Paragraph>}
        </Card>
        <Card size="small" title={t('innovation.outcomes')} style={{ marginTop: 16 }}>
          <OutcomeLinker project={data} writable={writable} />
        </Card>
        {(data.kind === 'dual_leader_studio' || data.activities.length > 0) && <ActivitiesCard project={data} />}
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('innovation.timeline')}>
          <StepTimeline project={data} />
        </Card>
        <Card size="small" title={t('innovation.files')} style={{ marginTop: 16 }}>
          <AttachmentList entity="innovation_project" entityId={data.id} writable={writable || can('execute.innovation.review')} saveFirstText={t('innovation.saveFirst')} />
        </Card>
      </Col>
      <StepModal project={data} action={action} onClose={() => setAction(null)} />
      <ProjectFormDrawer open={editing} editing={data} onClose={() => setEditing(false)} />
    </Row>
  );
}
