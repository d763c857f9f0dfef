import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, List, Progress, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { LeaderTask, LeaderView } from '@santong/contract';
import { errorText } from '../../../../app/errors';
import { useLeaderView } from '../../leaderHooks';
import { DutyUnitCards } from './DutyUnitCards';
import { RagBadges, RagDot } from './RagBadges';

const inUnit = (unitId: string | null) => (x: { dutyUnitIds: string[] }) => !unitId || x.dutyUnitIds.includes(unitId);

/** "我的分管/联系单位": the leader's units with task colours, the tasks needing attention, lectures and topics. */
export function LeaderDutyView({ personId }: { personId?: string }) {
  const { t } = useTranslation();
  const { data, isLoading, error } = useLeaderView(personId);
  const [unit, setUnit] = useState<string | null>(null);
  if (isLoading) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (error || !data) return <Alert type="warning" showIcon message={errorText(t, error)} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="leader-duty-view">
      <Card size="small">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('leaderView.title', { name: data.person.name })}
            {data.person.title && <Typography.Text type="secondary"> · {data.person.title}</Typography.Text>}
          </Typography.Title>
          <Space>
            <Typography.Text type="secondary">{t('leaderView.allTasks')}</Typography.Text>
            <RagBadges rag={data.rag} />
          </Space>
        </Space>
      </Card>
      {data.units.length ? <DutyUnitCards units={data.units} selected={unit} onSelect={setUnit} /> : <Empty description={t('leaderView.noDuties')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <AttentionTasks tasks={data.tasks.filter((k) => !unit || k.dutyUnitIds.includes(unit))} />
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <TopicsCard topics={data.researchTopics.filter(inUnit(unit))} />
            <LecturesCard lectures={data.lectures.filter(inUnit(unit))} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

type TaskFilter = 'all' | 'attention' | 'mine';

/** The duty units' tasks, red first; narrowed to red/amber or to the leader's own with one click. */
function AttentionTasks({ tasks }: { tasks: LeaderTask[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TaskFilter>('all');
  const shown = tasks.filter((k) => filter === 'all' || (filter === 'mine' ? k.mine : k.rag === 'red' || k.rag === 'amber'));
  return (
    <Card
      size="small"
      title={t('leaderView.taskList')}
      extra={
        <Segmented<TaskFilter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('leaderView.filter.all') },
            { value: 'attention', label: t('leaderView.filter.attention') },
            { value: 'mine', label: t('leaderView.filter.mine') },
          ]}
        />
      }
    >
      <Table<LeaderTask>
        size="small"
        rowKey="id"
        data-testid="leader-tasks"
        dataSource={shown}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: t('leaderView.noAttention') }}
        columns={[
          { key: 'rag', width: 28, render: (_, k) => <RagDot rag={k.rag} /> },
          {
            title: t('leaderView.task'),
            dataIndex: 'title',
            render: (v: string, k) => (
              <Space size={4}>
                {k.mine && (
                  <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                    {t('leaderView.mine')}
                  </Tag>
                )}
                <Link to={`/plan/tasks?task=${k.id}`} title={v}>
                  <Typography.Text ellipsis style={{ maxWidth: 340, color: 'inherit' }}>
                    {v}
                  </Typography.Text>
                </Link>
              </Space>
            ),
          },
          { title: t('leaderView.ownerUnit'), dataIndex: 'ownerUnitName', width: 150, ellipsis: true },
          { title: t('leaderView.due'), dataIndex: 'dueDate', width: 100 },
          { title: t('leaderView.progress'), dataIndex: 'progress', width: 120, render: (p: number) => <Progress percent={p} size="small" /> },
        ]}
      />
    </Card>
  );
}

function LecturesCard({ lectures }: { lectures: LeaderView['lectures'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('leaderView.lectures')} extra={<Link to="/plan/lectures">{t('leaderView.more')}</Link>}>
      <List
        size="small"
        dataSource={lectures.slice(0, 6)}
        locale={{ emptyText: t('home.noData') }}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Typography.Text ellipsis title={l.topic} style={{ maxWidth: 420 }}>
                  {l.topic}
                </Typography.Text>
              }
              description={t('leaderView.lectureLine', { date: l.heldOn, lecturer: l.lecturerName, unit: l.audienceUnitName, count: l.audienceCount })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function TopicsCard({ topics }: { topics: LeaderView['researchTopics'] }) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...topics].sort((a, b) => Number(b.mine) - Number(a.mine)), [topics]);
  return (
    <Card size="small" title={t('leaderView.topics')} extra={<Link to="/plan/research">{t('leaderView.more')}</Link>}>
      <List
        size="small"
        dataSource={sorted.slice(0, 6)}
        locale={{ emptyText: t('home.noData') }}
        renderItem={(x) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space size={6}>
                  <Tag bordered={false} color={x.mine ? 'gold' : undefined} style={{ marginInlineEnd: 0 }}>
                    {t(`research.status.${x.status}`)}
                  </Tag>
                  <Link to={`/plan/research/${x.id}`}>
                    <Typography.Text ellipsis title={x.title} style={{ maxWidth: 360 }}>
                      {x.title}
                    </Typography.Text>
                  </Link>
                </Space>
              }
              description={t('leaderView.topicLine', { leader: x.leaderName, count: x.problemCount, rectified: x.rectifiedCount })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
