import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Task } from '@santong/contract';
import { statusColor, taskLabel } from '../labels';
import { RagDot } from './RagDot';

export type TaskRow = Task & { children?: TaskRow[]; placeholder?: boolean };

const sortOrder = (sort: string | undefined, key: string) => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);

/** Title with the colour dot, fusion mark and flags; the columns the tree and the flat list share. */
export function taskColumns(t: TFunction, sort: string | undefined, showParent: boolean): ColumnsType<TaskRow> {
  const cols: ColumnsType<TaskRow> = [
    {
      title: t('task.title'),
      key: 'title',
      dataIndex: 'title',
      sorter: true,
      sortOrder: sortOrder(sort, 'title'),
      width: 360,
      render: (_: unknown, k) =>
        k.placeholder ? (
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        ) : (
          <Space size={6} wrap={false}>
            <RagDot rag={k.rag} />
            <Typography.Text data-testid="task-title" ellipsis={{ tooltip: k.title }} style={{ maxWidth: 250 }}>{k.title}</Typography.Text>
            {k.fused && <Tag color="purple" bordered={false} style={{ marginInlineEnd: 0 }}>{t('task.fused')}</Tag>}
            {k.unsignedOverdue && <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('task.unsignedOverdue')}</Tag>}
            {k.extensionCount > 0 && <Tag style={{ marginInlineEnd: 0 }}>{t('task.extensionCount', { count: k.extensionCount })}</Tag>}
            {k.followed && <StarFilled style={{ color: '#faad14' }} />}
          </Space>
        ),
    },
  ];
  if (showParent) cols.push({ title: t('task.parent'), dataIndex: 'parentTitle', width: 160, ellipsis: true });
  cols.push(
    {
      title: t('task.owner'),
      key: 'ownerUnitName',
      sorter: true,
      sortOrder: sortOrder(sort, 'ownerUnitName'),
      width: 170,
      render: (_: unknown, k) =>
        k.placeholder ? null : (
          <Tooltip title={k.coUnits.length ? `${t('task.coUnits')}：${k.coUnits.map((u) => u.name).join('、')}` : undefined}>
            <span>{k.ownerUnitName}{k.coUnits.length ? ` +${k.coUnits.length}` : ''}</span>
          </Tooltip>
        ),
    },
    { title: t('task.leader'), dataIndex: 'responsiblePersonName', width: 90 },
    { title: t('task.startDate'), key: 'startDate', dataIndex: 'startDate', sorter: true, sortOrder: sortOrder(sort, 'startDate'), width: 110 },
    { title: t('task.dueDate'), key: 'dueDate', dataIndex: 'dueDate', sorter: true, sortOrder: sortOrder(sort, 'dueDate'), width: 110 },
    {
      title: t('task.progress'),
      key: 'progress',
      sorter: true,
      sortOrder: sortOrder(sort, 'progress'),
      width: 130,
      render: (_: unknown, k) => (k.placeholder ? null : <Progress percent={k.progress} size="small" status={k.rag === 'red' ? 'exception' : undefined} />),
    },
    {
      title: t('task.status'),
      key: 'status',
      sorter: true,
      sortOrder: sortOrder(sort, 'status'),
      width: 90,
      render: (_: unknown, k) => (k.placeholder ? null : <Tag color={statusColor[k.status]}>{t(taskLabel.status(k.status))}</Tag>),
    },
  );
  return cols;
}
