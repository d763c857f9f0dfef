import { useEffect, useMemo } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Popconfirm, Space, TreeSelect } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Goal } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { goalTree, useDeleteGoal, useSaveGoal, type GoalFormValues } from '../hooks';

interface Props {
  open: boolean;
  track: Goal['track'];
  editing: Goal | null;
  parentId: string | null;
  goals: Goal[];
  writable: boolean;
  onClose: () => void;
}

export function GoalFormDrawer({ open, track, editing, parentId, goals, writable, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<GoalFormValues>();
  const save = useSaveGoal();
  const del = useDeleteGoal();
  // a goal cannot move under itself: its own subtree is left out of the parent picker
  const parents = useMemo(() => goalTree(goals, track, editing?.id), [goals, track, editing]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ?? { track, parentId, name: '' });
  }, [open, editing, track, parentId, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ editing, values: { ...values, track } });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  const remove = async () => {
    if (!editing) return;
    try {
      await del.mutateAsync(editing);
      void message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Drawer
      open={open}
      forceRender
      width={480}
      title={`${t(track === 'party' ? 'goal.track.party' : 'goal.track.business')} · ${t(!writable ? 'goal.view' : editing ? 'goal.edit' : 'goal.new')}`}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            {editing && (
              <Popconfirm title={t('goal.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="goal-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="goal-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<GoalFormValues> form={form} layout="vertical" name="goal" disabled={!writable}>
        <Form.Item name="parentId" label={t('goal.parent')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={parents} placeholder={t('goal.root')} />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="code" label={t('goal.code')} tooltip={t('goal.codeHint')} rules={[{ pattern: /^[A-Za-z0-9_.-]+$/, message: t('goal.codeHint') }, { max: 20 }]} style={{ width: 140 }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="name" label={t('goal.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('goal.sortOrder')} style={{ width: 100 }}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="description" label={t('goal.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
