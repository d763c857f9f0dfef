import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Popconfirm, Space, Table, Tabs, Tag, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Task } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { isApiError } from '../../../app/api';
import { errorText, useApiError } from '../../../app/errors';
import type { MessageKey } from '../../../locales/zh-CN';
import { useDeleteTask, useFollow, useSaveTask, useTask, useTasks, type TaskFormValues } from '../hooks';
import { statusColor, taskLabel } from '../labels';
import { RagDot } from './RagDot';
import { TaskForm, formValuesOf } from './TaskForm';
import { TaskFlowPanel } from './TaskFlowPanel';
import { TaskComments } from './TaskComments';
import { TaskReports } from '../../reports/TaskReports';

export interface DrawerState {
  /** an existing task, or null for a new one */
  id: string | null;
  /** the parent of a new subtask */
  parent: Task | null;
}

const scope = { override: { OUT_OF_SCOPE: 'task.outOfScope' as const, FORBIDDEN: 'task.outOfScope' as const } };
// Server fields that the form shows under another name.
const fieldAlias: Record<string, string> = { goalIds: 'businessGoalIds', parentId: 'title', campaignId: 'title' };
// The server's field messages this form knows, in the user's language; others show as sent.
const knownMessages: [RegExp, MessageKey][] = [
  [/due date is before the start date/, 'task.err.dueBeforeStart'],
  [/cannot start before its parent \((.+)\)/, 'task.err.startBeforeParent'],
  [/cannot be due after its parent \((.+)\)/, 'task.err.dueAfterParent'],
  [/a subtask starts on (\S+)/, 'task.err.childStartsEarlier'],
  [/a subtask is due on (\S+)/, 'task.err.childDueLater'],
  [/own parent|own subtasks/, 'task.err.cycle'],
  [/unknown goal/, 'task.err.unknownGoal'],
  [/unknown unit/, 'task.err.unknownUnit'],
  [/unknown person/, 'task.err.unknownPerson'],
  [/outside your data scope/, 'task.outOfScope'],
];

function showIssues(form: FormInstance<TaskFormValues>, err: unknown, t: TFunction) {
  if (!isApiError(err)) return;
  const issues = (err.details?.issues ?? []) as { path?: string; message?: string }[];
  if (!Array.isArray(issues)) return;
  const fields = issues
    .filter((i) => i.path?.startsWith('body.'))
    .map((i) => {
      const field = i.path!.slice('body.'.length).split('.')[0];
      const known = knownMessages.map(([re, key]) => [re.exec(i.message ?? ''), key] as const).find(([m]) => m);
      const text = known ? t(known[1], { date: known[0]?.[1] }) : t('validation.server', { message: i.message ?? '' });
      return { name: [fieldAlias[field] ?? field], errors: [text] };
    });
  form.setFields(fields as never);
}

function Subtasks({ k, onOpen, onAdd }: { k: Task; onOpen: (id: string) => void; onAdd: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, isFetching } = useTasks({ parentId: k.id, page: 1, pageSize: 200, sort: 'startDate' });
  return (
    <>
      {can('plan.task.write') && (
        <Button icon={<PlusOutlined />} onClick={onAdd} style={{ marginBottom: 8 }} data-testid="subtask-new">
          {t('task.newSub')}
        </Button>
      )}
      <Table<Task>
        size="small"
        rowKey="id"
        loading={isFetching}
        pagination={false}
        dataSource={data?.items ?? []}
        onRow={(x) => ({ onClick: () => onOpen(x.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('task.title'), render: (_, x) => <Space><RagDot rag={x.rag} />{x.title}</Space> },
          { title: t('task.owner'), dataIndex: 'ownerUnitName', width: 130 },
          { title: t('task.dueDate'), dataIndex: 'dueDate', width: 100 },
          { title: t('task.status'), width: 80, render: (_, x) => <Tag color={statusColor[x.status]}>{t(taskLabel.status(x.status))}</Tag> },
        ]}
      />
    </>
  );
}

/** Loads the task into the form (once per version) and saves or deletes it. */
function useTaskEditor(state: DrawerState | null, campaignId: string | undefined, onNavigate: (s: DrawerState) => void, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<TaskFormValues>();
  const [tab, setTab] = useState('basic');
  const { data: editing, error: loadError } = useTask(state?.id ?? null);
  const save = useSaveTask();
  const del = useDeleteTask();
  const parent = state?.parent ?? null;

  useEffect(() => {
    if (!state) return;
    setTab('basic');
    form.resetFields();
    if (!state.id) form.setFieldsValue({ category: 'project', status: 'planned', progress: 0, weight: 1, recurrence: 'none', ownerUnitId: parent?.ownerUnitId, startDate: parent?.startDate, dueDate: parent?.dueDate });
  }, [state, form, parent]);

  // Fill the form when the task (or a newer version of it) arrives, not on every refetch.
  const loaded = editing && state?.id === editing.id ? `${editing.id}:${editing.version}` : null;
  useEffect(() => {
    if (loaded && editing) form.setFieldsValue(formValuesOf(editing));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ editing: editing ?? null, values, parent, campaignId });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      if (!editing) onNavigate({ id: saved.id, parent: null });
    } catch (e) {
      showIssues(form, e, t);
      onError(e, scope);
    }
  };
  const remove = async () => {
    if (!editing) return;
    try {
      await del.mutateAsync(editing);
      void message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      onError(e, scope);
    }
  };
  return { form, tab, setTab, editing, loadError, parent, submit, remove, saving: save.isPending, deleting: del.isPending };
}

function DrawerTitle({ editing, state }: { editing: Task | undefined; state: DrawerState | null }) {
  const { t } = useTranslation();
  if (!editing) return state?.id ? null : <>{t(state?.parent ? 'task.newSub' : 'task.new')}</>;
  return (
    <Space>
      <RagDot rag={editing.rag} />
      <Typography.Text ellipsis style={{ maxWidth: 300 }}>{editing.title}</Typography.Text>
      {editing.fused ? <Tag color="purple">{t('task.fused')}</Tag> : <Tag>{t('task.notFused')}</Tag>}
    </Space>
  );
}

export function TaskDrawer({ state, campaignId, onClose, onNavigate }: { state: DrawerState | null; campaignId?: string; onClose: () => void; onNavigate: (s: DrawerState) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const follow = useFollow();
  const ed = useTaskEditor(state, campaignId, onNavigate, onClose);
  const { editing, parent } = ed;
  // an existing task is writable only once loaded and when the server says so (never a blank "new" form in its place)
  const writable = editing ? editing.can.edit : !state?.id && can('plan.task.write');

  const extra = (
    <Space>
      {editing && (
        <Button icon={editing.followed ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />} onClick={() => follow.mutate(editing, { onError: (e) => onError(e) })} data-testid="task-follow">
          {t(editing.followed ? 'task.unfollow' : 'task.follow')}
        </Button>
      )}
      {editing?.can.delete && (
        <Popconfirm title={t('task.deleteConfirm')} onConfirm={() => void ed.remove()} okButtonProps={{ danger: true }}>
          <Button danger icon={<DeleteOutlined />} loading={ed.deleting}>{t('common.delete')}</Button>
        </Popconfirm>
      )}
      {writable && ed.tab === 'basic' && (
        <Button type="primary" loading={ed.saving} onClick={() => void ed.submit()} data-testid="task-save">{t('common.save')}</Button>
      )}
    </Space>
  );
  const basic = (
    <>
      {parent && <Typography.Paragraph type="secondary">{`${t('task.parent')}：${parent.title}（${t('task.subtaskHint')}）`}</Typography.Paragraph>}
      {editing && !editing.can.edit && can('plan.task.write') && (
        <Alert type="warning" showIcon message={t('task.outOfScope')} style={{ marginBottom: 12 }} data-testid="task-readonly" />
      )}
      {state?.id && ed.loadError ? (
        <Alert type="error" showIcon message={errorText(t, ed.loadError)} data-testid="task-load-error" />
      ) : (
        <TaskForm form={ed.form} editing={editing ?? null} disabled={!writable} parent={parent ?? null} />
      )}
    </>
  );
  const items = [{ key: 'basic', label: t('task.tab.basic'), children: basic }];
  if (editing) items.push(...detailTabs(editing, t, can, onNavigate));
  return (
    <Drawer open={!!state} forceRender width={640} title={<DrawerTitle editing={editing} state={state} />} extra={extra} onClose={onClose} data-testid="task-drawer">
      <Tabs activeKey={ed.tab} onChange={ed.setTab} items={items} />
    </Drawer>
  );
}

/** Subtasks, the sign-off and extension flow, comments and (when the execute module allows) progress reports. */
function detailTabs(editing: Task, t: TFunction, can: ReturnType<typeof useAuth>['can'], onNavigate: (s: DrawerState) => void) {
  const items = [
    { key: 'subtasks', label: `${t('task.tab.subtasks')} (${editing.childCount})`, children: <Subtasks k={editing} onOpen={(id) => onNavigate({ id, parent: null })} onAdd={() => onNavigate({ id: null, parent: editing })} /> },
    { key: 'flow', label: t('task.tab.flow'), children: <TaskFlowPanel k={editing} /> },
    { key: 'comments', label: t('task.tab.comments'), children: <TaskComments k={editing} /> },
  ];
  if (can('execute.report.read'))
    items.push({
      key: 'reports',
      label: t('report.tab'),
      children: <TaskReports taskId={editing.id} task={{ id: editing.id, title: editing.title, progress: editing.progress, ownerUnitName: editing.ownerUnitName, dueDate: editing.dueDate, status: editing.status }} />,
    });
  return items;
}
