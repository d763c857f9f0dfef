import { useState } from 'react';
import { Badge, Card, Col, Empty, Progress, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { taskStatuses, type Task } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { usePatchTask } from '../hooks';
import { taskLabel } from '../labels';
import { RagDot } from './RagDot';

type Status = Task['status'];
const tone: Record<Status, string> = { planned: '#8c8c8c', in_progress: '#1677ff', done: '#52c41a', cancelled: '#bfbfbf' };

function TaskCard({ k, onOpen }: { k: Task; onOpen: (k: Task) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable
      draggable={k.can.edit}
      onDragStart={(e) => e.dataTransfer.setData('text/task-id', k.id)}
      onClick={() => onOpen(k)}
      style={{ marginBottom: 8 }}
      styles={{ body: { padding: 10 } }}
      data-testid="board-card"
    >
      <Space size={6} align="start">
        <RagDot rag={k.rag} />
        <Typography.Text strong style={{ fontSize: 13 }}>{k.title}</Typography.Text>
      </Space>
      <div style={{ color: '#8c8c8c', fontSize: 12, margin: '4px 0' }}>
        {k.ownerUnitName} · {k.responsiblePersonName ?? '—'} · {t('task.dueDate')} {k.dueDate}
      </div>
      <Progress percent={k.progress} size="small" status={k.rag === 'red' ? 'exception' : undefined} />
    </Card>
  );
}

/** Columns by status; a card dragged to another column changes the task's status (owner units and the office). */
export function TaskBoard({ items, onOpen }: { items: Task[]; onOpen: (k: Task) => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const patch = usePatchTask();
  const [over, setOver] = useState<Status | null>(null);
  const drop = (status: Status, id: string) => {
    setOver(null);
    const k = items.find((x) => x.id === id);
    if (!k || k.status === status) return;
    patch.mutate({ task: k, patch: { status } }, { onError: (e) => onError(e, { override: { OUT_OF_SCOPE: 'task.outOfScope' } }) });
  };
  return (
    <Row gutter={12} data-testid="task-board">
      {taskStatuses.map((s) => {
        const list = items.filter((k) => k.status === s);
        return (
          <Col span={6} key={s}>
            <div
              onDragOver={(e) => {
                e.preventDefault();
                setOver(s);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => drop(s, e.dataTransfer.getData('text/task-id'))}
              style={{ background: over === s ? '#fff1f0' : '#fafafa', borderRadius: 6, padding: 8, minHeight: 360, borderTop: `3px solid ${tone[s]}` }}
              data-testid={`board-column-${s}`}
            >
              <Space style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t(taskLabel.status(s))}</Typography.Text>
                <Badge count={list.length} showZero color={tone[s]} />
              </Space>
              {list.length ? list.map((k) => <TaskCard key={k.id} k={k} onOpen={onOpen} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.board.empty')} />}
            </div>
          </Col>
        );
      })}
    </Row>
  );
}
