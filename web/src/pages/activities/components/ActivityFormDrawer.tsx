import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { activityKinds, type Activity } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { AttachmentList } from '../../study/components/AttachmentList';
import { GoalSelect } from '../../study/components/GoalSelect';
import { useSaveActivity, type ActivityFormValues } from '../hooks';
import { activityLabel } from '../labels';
import { StudioSelect } from './StudioSelect';

interface Props {
  open: boolean;
  editing: Activity | null;
  onClose: () => void;
}

type FormShape = Omit<ActivityFormValues, 'heldOn'> & { heldOn: dayjs.Dayjs };

/** Record or edit one activity; photos and files attach once it is saved. */
export function ActivityFormDrawer({ open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveActivity();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, goalIds: editing.goals.map((g) => g.id), heldOn: dayjs(editing.heldOn) });
    else form.setFieldsValue({ kind: 'forum', heldOn: dayjs(), participants: 0, goalIds: [] });
  }, [open, editing, form]);

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

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={560}
      title={t(editing ? 'activity.edit' : 'activity.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="activity-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form<FormShape> form={form} layout="vertical">
        <Form.Item name="kind" label={t('activity.kind')} rules={required}>
          <Select id="kind" options={activityKinds.map((k) => ({ value: k, label: t(activityLabel.kind(k)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('activity.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input id="title" maxLength={200} />
        </Form.Item>
        <Form.Item name="unitId" label={t('activity.unit')} rules={required}>
          <UnitTreeSelect id="unitId" allowClear={false} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="heldOn" label={t('activity.heldOn')} rules={required}>
            <DatePicker id="heldOn" />
          </Form.Item>
          <Form.Item name="participants" label={t('activity.participants')}>
            <InputNumber id="participants" min={0} max={100000} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        {(kind === 'studio' || editing?.projectId) && (
          <Form.Item name="projectId" label={t('activity.project')} extra={t('activity.projectHint')}>
            <StudioSelect id="projectId" />
          </Form.Item>
        )}
        <Form.Item name="goalIds" label={t('activity.goals')}>
          <GoalSelect id="goalIds" />
        </Form.Item>
        <Form.Item name="summary" label={t('activity.summary')} rules={[{ max: 5000 }]}>
          <Input.TextArea id="summary" rows={4} />
        </Form.Item>
        <Form.Item label={t('activity.files')}>
          <AttachmentList entity="activity" entityId={editing?.id} writable={can('execute.activity.write')} saveFirstText={t('activity.saveFirst')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
