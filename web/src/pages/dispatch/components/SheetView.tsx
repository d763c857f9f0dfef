import { Card, Col, Empty, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { groupLines, type DispatchCounts, type DispatchFollowUpLine, type DispatchGroup, type DispatchSheet, type DispatchTaskLine } from '@santong/contract';
import type { MessageKey } from '../../../locales/zh-CN';

const ragColor: Record<DispatchTaskLine['rag'], string> = { red: 'red', amber: 'gold', green: 'green', none: 'default' };
const reasonColor: Record<string, string> = { overdue: 'red', due_soon: 'orange', red: 'volcano', stale: 'purple' };
const countKeys: (keyof DispatchCounts)[] = ['tasks', 'overdue', 'dueSoon', 'red', 'stale', 'followUps', 'followUpsOverdue'];

export function CountsRow({ counts }: { counts: DispatchCounts }) {
  const { t } = useTranslation();
  const danger = new Set(['overdue', 'red', 'followUpsOverdue']);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="dispatch-counts">
      {countKeys.map((k) => (
        <Col key={k} xs={12} sm={8} md={6} lg={3}>
          <Card size="small">
            <Statistic title={t(`dispatch.count.${k}` as MessageKey)} value={counts[k]} valueStyle={danger.has(k) && counts[k] > 0 ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function TaskTable({ lines, showUnit }: { lines: DispatchTaskLine[]; showUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<DispatchTaskLine>
      size="small"
      rowKey="taskId"
      pagination={false}
      dataSource={lines}
      columns={[
        { title: t('dispatch.col.rag'), dataIndex: 'rag', width: 60, render: (r: DispatchTaskLine['rag']) => <Tag color={ragColor[r]}>{t(`dispatch.rag.${r}` as MessageKey)}</Tag> },
        { title: t('dispatch.col.task'), dataIndex: 'title' },
        ...(showUnit ? [{ title: t('dispatch.col.unit'), dataIndex: 'ownerUnitName', width: 180 }] : []),
        { title: t('dispatch.col.responsible'), dataIndex: 'responsibleName', width: 90 },
        { title: t('dispatch.col.due'), dataIndex: 'dueDate', width: 110 },
        { title: t('dispatch.col.progress'), dataIndex: 'progress', width: 70, render: (p: number) => `${p}%` },
        {
          title: t('dispatch.col.reasons'), dataIndex: 'reasons', width: 250,
          render: (rs: string[]) => rs.map((r) => <Tag key={r} color={reasonColor[r]}>{t(`dispatch.reason.${r}` as MessageKey)}</Tag>),
        },
      ]}
    />
  );
}

function FollowUpTable({ lines }: { lines: DispatchFollowUpLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<DispatchFollowUpLine>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={lines}
      columns={[
        { title: t('followUp.title'), dataIndex: 'title' },
        { title: t('followUp.ownerUnit'), dataIndex: 'ownerUnitName', width: 180 },
        { title: t('followUp.dueDate'), dataIndex: 'dueDate', width: 110 },
        { title: t('dispatch.fromWeek'), dataIndex: 'fromWeek', width: 100 },
        {
          title: t('followUp.status'), key: 'status', width: 100,
          render: (_, f) => (f.overdue ? <Tag color="red">{t('followUp.overdue')}</Tag> : <Tag color={f.status === 'done' ? 'green' : 'blue'}>{t(`followUp.status.${f.status}`)}</Tag>),
        },
      ]}
    />
  );
}

type Lines = ReturnType<ReturnType<typeof groupLines>>;

function GroupCard({ group, lines, leader }: { group: DispatchGroup; lines: Lines; leader: boolean }) {
  const { t } = useTranslation();
  const c = group.counts;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <span>{group.key === null && leader ? t('dispatch.noLeader') : group.name}</span>
          {leader && group.unitNames.length > 0 && <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>{group.unitNames.join('、')}</Typography.Text>}
        </Space>
      }
      extra={
        <Space size={4} wrap>
          {c.overdue > 0 && <Tag color="red">{t('dispatch.count.overdue')} {c.overdue}</Tag>}
          {c.dueSoon > 0 && <Tag color="orange">{t('dispatch.count.dueSoon')} {c.dueSoon}</Tag>}
          {c.red > 0 && <Tag color="volcano">{t('dispatch.count.red')} {c.red}</Tag>}
          {c.stale > 0 && <Tag color="purple">{t('dispatch.count.stale')} {c.stale}</Tag>}
          {c.followUps > 0 && <Tag color="blue">{t('dispatch.count.followUps')} {c.followUps}</Tag>}
        </Space>
      }
    >
      {lines.tasks.length > 0 && <TaskTable lines={lines.tasks} showUnit={leader} />}
      {lines.followUps.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>{t('dispatch.carried')}</Typography.Text>
          <FollowUpTable lines={lines.followUps} />
        </>
      )}
    </Card>
  );
}

/** The sheet grouped by unit or by school leader (tabs); groups name their lines by id. */
export function SheetView({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useTranslation();
  const linesOf = useMemo(() => groupLines(sheet), [sheet]);
  const list = (groups: DispatchGroup[], leader: boolean) =>
    groups.length ? groups.map((g) => <GroupCard key={g.key ?? 'none'} group={g} lines={linesOf(g)} leader={leader} />) : <Empty description={t('dispatch.empty')} />;
  return (
    <Tabs
      data-testid="dispatch-tabs"
      items={[
        { key: 'unit', label: `${t('dispatch.byUnit')}（${sheet.byUnit.length}）`, children: list(sheet.byUnit, false) },
        { key: 'leader', label: `${t('dispatch.byLeader')}（${sheet.byLeader.length}）`, children: list(sheet.byLeader, true) },
      ]}
    />
  );
}
