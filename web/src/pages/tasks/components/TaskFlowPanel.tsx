import { useState } from 'react';
import { App, Button, DatePicker, Divider, Empty, Form, Input, List, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Task, TaskExtension } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useDecideExtension, useExtensions, useRequestExtension, useTaskAction } from '../hooks';
import { taskLabel } from '../labels';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : undefined);
const extColor: Record<TaskExtension['status'], string> = { pending: 'processing', approved: 'success', rejected: 'error' };
const scope = { override: { OUT_OF_SCOPE: 'task.outOfScope' as const } };

/** 立项 → 下发 → 签收 → 办理 → 反馈 → 办结, with the actions the caller may take now. */
function FlowSteps({ k }: { k: Task }) {
  const { t } = useTranslation();
  const steps = [
    { title: t('task.step.create'), description: when(k.createdAt), done: true },
    { title: t('task.step.issue'), description: when(k.issuedAt), done: !!k.issuedAt },
    { title: t('task.step.sign'), description: k.signedAt ? `${when(k.signedAt)} ${k.signedByName ?? ''}` : k.unsignedOverdue ? t('task.unsignedOverdue') : undefined, done: !!k.signedAt },
    { title: t('task.step.handle'), done: k.status !== 'planned' },
    { title: t('task.step.report'), description: when(k.lastReportAt), done: !!k.lastReportAt },
    { title: t('task.step.close'), description: when(k.completedAt), done: k.status === 'done' },
  ];
  const current = steps.findIndex((s) => !s.done);
  return (
    <Steps
      size="small"
      direction="vertical"
      current={current === -1 ? steps.length : current}
      status={k.unsignedOverdue ? 'error' : 'process'}
      items={steps.map((s) => ({ title: s.title, description: s.description }))}
      data-testid="task-steps"
    />
  );
}

function ExtensionItem({ e, canDecide }: { e: TaskExtension; canDecide: boolean }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const decide = useDecideExtension();
  const [note, setNote] = useState('');
  return (
    <List.Item data-testid="extension-item">
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={extColor[e.status]}>{t(taskLabel.extension(e.status))}</Tag>
          <span>{t('task.ext.line', { name: e.requestedByName ?? '', from: e.oldDueDate, to: e.newDueDate })}</span>
        </Space>
        <Typography.Text type="secondary">{e.reason}</Typography.Text>
        {e.decisionNote && <Typography.Text>{`${t('task.ext.note')}：${e.decisionNote}`}</Typography.Text>}
        {canDecide && e.status === 'pending' && (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('task.ext.note')} value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={1000} />
            <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ id: e.id, approve: true, note }, { onError: (err) => onError(err) })} data-testid="extension-approve">
              {t('task.ext.approve')}
            </Button>
            <Button danger loading={decide.isPending} onClick={() => decide.mutate({ id: e.id, approve: false, note }, { onError: (err) => onError(err) })}>
              {t('task.ext.reject')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </List.Item>
  );
}

function ExtensionRequest({ k }: { k: Task }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const request = useRequestExtension();
  const [form] = Form.useForm<{ newDueDate: dayjs.Dayjs; reason: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await request.mutateAsync({ task: k, newDueDate: v.newDueDate.format('YYYY-MM-DD'), reason: v.reason });
      form.resetFields();
      void message.success(t('common.saved'));
    } catch (e) {
      onError(e, { form, ...scope });
    }
  };
  return (
    <Form form={form} layout="inline" style={{ rowGap: 8 }} data-testid="extension-form">
      <Form.Item name="newDueDate" rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker placeholder={t('task.ext.newDueDate')} disabledDate={(d) => d.format('YYYY-MM-DD') <= k.dueDate} />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: 1, minWidth: 200 }}>
        <Input placeholder={t('task.ext.reason')} maxLength={1000} />
      </Form.Item>
      <Button type="primary" onClick={() => void submit()} loading={request.isPending}>
        {t('task.ext.request')}
      </Button>
    </Form>
  );
}

export function TaskFlowPanel({ k }: { k: Task }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const action = useTaskAction();
  const { data: extensions } = useExtensions(k.id);
  const run = (a: 'issue' | 'sign' | 'generate-instances') =>
    action.mutate(
      { task: k, action: a },
      {
        onSuccess: (res) => void message.success(a === 'generate-instances' ? t('task.generated', { count: (res as { created: number }).created }) : t('common.saved')),
        onError: (e) => onError(e, scope),
      },
    );
  return (
    <div data-testid="task-flow">
      <Space style={{ marginBottom: 12 }} wrap>
        {k.can.issue && (
          <Popconfirm title={t('task.issueConfirm')} onConfirm={() => run('issue')}>
            <Button type="primary" loading={action.isPending} data-testid="task-issue">{t('task.issue')}</Button>
          </Popconfirm>
        )}
        {k.can.sign && <Button type="primary" onClick={() => run('sign')} loading={action.isPending} data-testid="task-sign">{t('task.sign')}</Button>}
        {k.can.generate && <Button onClick={() => run('generate-instances')} loading={action.isPending}>{t('task.generate')}</Button>}
      </Space>
      <FlowSteps k={k} />
      <Divider orientation="left" plain>{t('task.ext.title')}</Divider>
      {k.can.requestExtension && <ExtensionRequest k={k} />}
      {extensions?.items.length ? (
        <List size="small" dataSource={extensions.items} renderItem={(e) => <ExtensionItem e={e} canDecide={k.can.decideExtension} />} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.ext.none')} />
      )}
    </div>
  );
}
