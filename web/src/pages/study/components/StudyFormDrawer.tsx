import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Popconfirm, Select, Space, Tabs } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { studyKinds } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { studyLabel } from '../labels';
import { useDeleteStudySession, useSaveStudySession, useStudySession, useUnitInScope, type StudyFormValues } from '../hooks';
import { AttendeePicker } from './AttendeePicker';
import { AttachmentList } from './AttachmentList';
import { GoalSelect } from './GoalSelect';

interface Props {
  open: boolean;
  /** id of the session to edit; null = new */
  editingId: string | null;
  writable: boolean;
  onClose: () => void;
}

type FormShape = Omit<StudyFormValues, 'heldOn'> & { heldOn: Dayjs };

export function StudyFormDrawer({ open, editingId, writable: allowed, onClose }: Props) {
  const { t } = useTranslation();
  const inScope = useUnitInScope();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const detail = useStudySession(open && editingId ? editingId : undefined);
  const editing = editingId ? (detail.data ?? null) : null;
  // Seen through the attendance list is not enough to edit: the host unit must be in scope.
  const writable = allowed && (!editing || inScope(editing.hostUnitId));
  const save = useSaveStudySession();
  const del = useDeleteStudySession();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({ ...editing, heldOn: dayjs(editing.heldOn), goalIds: editing.goals.map((g) => g.id), attendees: editing.attendees });
    } else if (!editingId) form.setFieldsValue({ kind: 'central_group', heldOn: dayjs(), goalIds: [], attendees: [] });
  }, [open, editing, editingId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ editing, values: { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') } });
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

  const required = [{ required: true, message: t('common.required') }];
  const fields = (
    <Form<FormShape> form={form} layout="vertical" disabled={!writable}>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="kind" label={t('study.kind')} rules={required} style={{ width: 160 }}>
          <Select id="kind" options={studyKinds.map((k) => ({ value: k, label: t(studyLabel.kind(k)) }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('study.heldOn')} rules={required} style={{ flex: 1 }}>
          <DatePicker id="heldOn" style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="title" label={t('study.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
        <Input id="title" maxLength={200} data-testid="study-title" />
      </Form.Item>
      <Form.Item name="hostUnitId" label={t('study.hostUnit')} rules={required}>
        <UnitTreeSelect id="hostUnitId" allowClear={false} />
      </Form.Item>
      <Form.Item name="location" label={t('study.location')} rules={[{ max: 200 }]}>
        <Input id="location" maxLength={200} />
      </Form.Item>
      <Form.Item name="goalIds" label={t('study.goals')} extra={t('study.goalsHint')}>
        <GoalSelect id="goalIds" />
      </Form.Item>
      <Form.Item name="summary" label={t('study.summary')} rules={[{ max: 5000 }]}>
        <Input.TextArea id="summary" rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="attendees" label={t('study.attendees')}>
        <AttendeePicker disabled={!writable} />
      </Form.Item>
    </Form>
  );

  return (
    <Drawer
      open={open}
      forceRender
      width={720}
      title={t(!writable ? 'study.view' : editingId ? 'study.edit' : 'study.new')}
      onClose={onClose}
      loading={!!editingId && detail.isLoading}
      extra={
        writable && (
          <Space>
            {editing && (
              <Popconfirm title={t('common.confirmDelete')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="study-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          { key: 'form', label: t('study.tab.record'), children: fields, forceRender: true },
          {
            key: 'minutes',
            label: t('study.tab.minutes'),
            children: <AttachmentList entity="study_session" entityId={editing?.id} writable={writable} purpose="minutes" saveFirstText={t('study.attachment.saveFirst')} />,
          },
        ]}
      />
    </Drawer>
  );
}
