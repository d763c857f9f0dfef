import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AssessmentScheme, RaterAssignment } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useAssign, useAssignments, useCandidates, useGroups, useSaveGroups, useTargets, useUnassign } from '../hooks';

const editable = ['draft', 'self_assessment', 'rating'];

/** Rater groups (weights summing to 100) and the group × raters × targets assignment, shown as a matrix. */
export function RatersTab({ scheme }: { scheme: AssessmentScheme }) {
  const canEdit = editable.includes(scheme.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <GroupsEditor scheme={scheme} canEdit={canEdit} />
      {canEdit && <AssignForm scheme={scheme} />}
      <AssignmentMatrix scheme={scheme} canEdit={canEdit} />
    </Space>
  );
}

function GroupsEditor({ scheme, canEdit }: { scheme: AssessmentScheme; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data } = useGroups(scheme.id);
  const save = useSaveGroups(scheme.id);
  const [rows, setRows] = useState<{ id?: string; name: string; weight: number; raters?: number }[]>([]);
  useEffect(() => setRows(data?.items ?? []), [data]);
  const sum = Math.round(rows.reduce((s, r) => s + (r.weight || 0), 0) * 1000) / 1000;
  const set = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = () => save.mutateAsync(rows.map(({ id, name, weight }) => ({ id, name, weight }))).then(() => message.success(t('common.saved')), (e) => onError(e));
  return (
    <Card size="small" title={t('assessment.groups.title')} extra={<Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="groups-sum">{sum === 100 ? t('assessment.groups.sum', { sum }) : t('assessment.groups.sumBad', { sum })}</Typography.Text>}>
      <Table size="small" rowKey={(r) => r.id ?? r.name} pagination={false} dataSource={rows.map((r, i) => ({ ...r, i }))}
        columns={[
          { title: t('assessment.groups.name'), key: 'name', render: (_, r) => (canEdit ? <Input value={r.name} onChange={(e) => set(r.i, { name: e.target.value })} /> : r.name) },
          { title: t('assessment.groups.weight'), key: 'weight', width: 160, render: (_, r) => (canEdit ? <InputNumber value={r.weight} min={0} max={100} onChange={(v) => set(r.i, { weight: v ?? 0 })} /> : r.weight) },
          { title: t('assessment.groups.raters'), dataIndex: 'raters', width: 100 },
          ...(canEdit ? [{ key: 'x', width: 60, render: (_: unknown, r: { i: number }) => <Button type="text" icon={<DeleteOutlined />} onClick={() => setRows(rows.filter((_, k) => k !== r.i))} /> }] : []),
        ]} />
      {canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, { name: '', weight: 0 }])}>{t('assessment.groups.add')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>{t('common.save')}</Button>
        </Space>
      )}
    </Card>
  );
}

function AssignForm({ scheme }: { scheme: AssessmentScheme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const groups = useGroups(scheme.id);
  const targets = useTargets(scheme.id);
  const candidates = useCandidates(true);
  const assign = useAssign(scheme.id);
  const [groupId, setGroupId] = useState<string>();
  const [userIds, setUserIds] = useState<string[]>([]);
  const [targetIds, setTargetIds] = useState<string[]>([]);
  const [skipOwnUnit, setSkip] = useState(true);
  const submit = () =>
    assign.mutateAsync({ groupId: groupId!, userIds, targetIds, skipOwnUnit }).then(
      (r) => { void message.success(t('assessment.assign.result', { created: r.created, existing: r.existing, skipped: r.skipped.length })); setUserIds([]); },
      (e) => onError(e),
    );
  return (
    <Card size="small" title={t('assessment.assign.title')}>
      <Space wrap align="start">
        <Select style={{ width: 160 }} placeholder={t('assessment.assign.group')} value={groupId} onChange={setGroupId} options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        <Select mode="multiple" style={{ width: 320 }} placeholder={t('assessment.assign.users')} value={userIds} onChange={setUserIds} optionFilterProp="label" maxTagCount="responsive"
          options={(candidates.data?.items ?? []).map((u) => ({ value: u.userId, label: `${u.name}（${u.unitName ?? u.username}）` }))} />
        <Select mode="multiple" style={{ width: 320 }} placeholder={t('assessment.assign.targets')} value={targetIds} onChange={setTargetIds} optionFilterProp="label" maxTagCount="responsive"
          options={(targets.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        <Button size="small" type="link" onClick={() => setTargetIds((targets.data?.items ?? []).map((x) => x.id))}>{t('common.all')}</Button>
        <Checkbox checked={skipOwnUnit} onChange={(e) => setSkip(e.target.checked)}>{t('assessment.assign.skipOwnUnit')}</Checkbox>
        <Button type="primary" disabled={!groupId || !userIds.length || !targetIds.length} loading={assign.isPending} onClick={() => void submit()}>{t('assessment.assign.submit')}</Button>
      </Space>
    </Card>
  );
}

function AssignmentMatrix({ scheme, canEdit }: { scheme: AssessmentScheme; canEdit: boolean }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const { data, isFetching } = useAssignments(scheme.id, true);
  const targets = useTargets(scheme.id);
  const remove = useUnassign(scheme.id);
  const rows = useMemo(() => {
    const byRater = new Map<string, { key: string; rater: string; group: string; cells: Record<string, RaterAssignment> }>();
    for (const a of data?.items ?? []) {
      const key = `${a.groupId}:${a.raterUserId}`;
      const row = byRater.get(key) ?? { key, rater: a.raterName, group: a.groupName, cells: {} };
      row.cells[a.targetId] = a;
      byRater.set(key, row);
    }
    return [...byRater.values()];
  }, [data]);
  const cell = (a: RaterAssignment | undefined) => {
    if (!a) return <Typography.Text type="secondary">—</Typography.Text>;
    const icon = a.status === 'submitted' ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ClockCircleOutlined style={{ color: a.scored ? '#faad14' : '#bfbfbf' }} />;
    if (!canEdit || a.status === 'submitted') return icon;
    return <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(a.id).catch((e) => onError(e))}><span style={{ cursor: 'pointer' }}>{icon}</span></Popconfirm>;
  };
  return (
    <Card size="small" title={t('assessment.assign.matrix')} extra={<Typography.Text type="secondary">{data?.total ?? 0}</Typography.Text>}>
      <Table size="small" rowKey="key" loading={isFetching} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} data-testid="assignment-matrix"
        columns={[
          { title: t('assessment.assign.group'), dataIndex: 'group', fixed: 'left', width: 110, render: (g: string) => <Tag>{g}</Tag> },
          { title: t('assessment.assign.rater'), dataIndex: 'rater', fixed: 'left', width: 100 },
          ...(targets.data?.items ?? []).map((x) => ({ title: x.name, key: x.id, width: 72, align: 'center' as const, render: (_: unknown, r: (typeof rows)[number]) => cell(r.cells[x.id]) })),
        ]} />
    </Card>
  );
}
