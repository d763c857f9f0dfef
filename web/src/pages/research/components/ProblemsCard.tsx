import { useState } from 'react';
import { App, Button, Card, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined, EditOutlined, PlusOutlined, ToolOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ResearchProblem, ResearchTopicDetail } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useDeleteProblem } from '../hooks';
import { researchLabel, taskColor } from '../labels';
import { ProblemModal } from './ProblemModal';
import { RectifyModal } from './RectifyModal';

/** Problems found by a topic; each one becomes a rectification task in one step and is followed to done. */
export function ProblemsCard({ topic, writable }: { topic: ResearchTopicDetail; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [editing, setEditing] = useState<{ problem: ResearchProblem | null } | null>(null);
  const [rectifying, setRectifying] = useState<ResearchProblem | null>(null);
  const del = useDeleteProblem();

  const remove = (p: ResearchProblem) =>
    del.mutateAsync(p).then(
      () => message.success(t('common.deleted')),
      (e) => onError(e),
    );

  return (
    <Card
      size="small"
      title={t('research.problems', { count: topic.problemCount, rectified: topic.rectifiedCount, done: topic.doneCount })}
      extra={
        writable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ problem: null })} data-testid="problem-new">
            {t('research.problem.new')}
          </Button>
        )
      }
    >
      <Table<ResearchProblem>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="problem-table"
        dataSource={topic.problems}
        locale={{ emptyText: t('research.problem.none') }}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, _p, i) => i + 1 },
          { title: t('research.problem.description'), dataIndex: 'description', key: 'description' },
          { title: t('research.problem.ownerUnit'), dataIndex: 'ownerUnitName', key: 'ownerUnitName', width: 170, ellipsis: true },
          {
            title: t('research.problem.task'),
            key: 'task',
            width: 300,
            render: (_, p) =>
              p.task ? (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space size={4}>
                    {p.task.done && <CheckCircleFilled style={{ color: '#2e7d32' }} />}
                    <Link to={`/plan/tasks?task=${p.task.id}`} title={p.task.title}>
                      <Typography.Text ellipsis style={{ maxWidth: 200, color: 'inherit' }}>
                        {p.task.title}
                      </Typography.Text>
                    </Link>
                    <Tag color={taskColor(p.task.status)} bordered={false}>
                      {t(researchLabel.taskStatus(p.task.status))}
                    </Tag>
                  </Space>
                  <Space size={8}>
                    <Progress percent={p.task.progress} size="small" style={{ width: 120, margin: 0 }} />
                    <Typography.Text type="secondary">{t('research.problem.due', { date: p.task.dueDate })}</Typography.Text>
                  </Space>
                </Space>
              ) : p.rectificationTaskId ? (
                <Typography.Text type="secondary">{t('research.problem.taskGone')}</Typography.Text>
              ) : writable ? (
                <Button size="small" type="primary" ghost icon={<ToolOutlined />} onClick={() => setRectifying(p)} data-testid="problem-rectify">
                  {t('research.rectify.button')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('research.problem.noTask')}</Typography.Text>
              ),
          },
          ...(writable
            ? [
                {
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, p: ResearchProblem) => (
                    <Space size={0}>
                      <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing({ problem: p })} />
                      {!p.rectificationTaskId && (
                        <Popconfirm title={t('common.confirmDelete')} onConfirm={() => void remove(p)}>
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} />
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ProblemModal topicId={topic.id} open={!!editing} editing={editing?.problem ?? null} onClose={() => setEditing(null)} />
      <RectifyModal topic={topic} problem={rectifying} onClose={() => setRectifying(null)} />
    </Card>
  );
}
