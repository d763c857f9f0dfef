import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { innovationKinds, innovationLevels, type InnovationProject } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveProject, type ProjectFormValues } from '../hooks';
import { innovationLabel } from '../labels';

interface Props {
  open: boolean;
  editing: InnovationProject | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

type FormShape = Omit<ProjectFormValues, 'appliedOn'> & { appliedOn?: dayjs.Dayjs };

/** Apply for a project (a unit) or edit it before it is closed. */
export function ProjectFormDrawer({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveProject();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      const { kind, title, unitId, leaderPersonId, level, summary } = editing;
      form.setFieldsValue({ kind, title, unitId, leaderPersonId, level, summary });
    }
    else form.setFieldsValue({ kind: 'model_branch', level: 'school', appliedOn: dayjs() });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const res = await save.mutateAsync({ editing, values: { ...v, appliedOn: v.appliedOn?.format('YYYY-MM-DD') } });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
      onSaved?.(res.id);
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
      title={t(editing ? 'innovation.edit' : 'innovation.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="innovation-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form<FormShape> form={form} layout="vertical">
        <Form.Item name="kind" label={t('innovation.kind')} rules={required}>
          <Select id="kind" options={innovationKinds.map((k) => ({ value: k, label: t(innovationLabel.kind(k)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('innovation.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input id="title" maxLength={200} />
        </Form.Item>
        <Form.Item name="unitId" label={t('innovation.unit')} rules={required}>
          <UnitTreeSelect id="unitId" allowClear={false} />
        </Form.Item>
        <Form.Item name="leaderPersonId" label={t('innovation.leader')} rules={required}>
          <PersonSelect id="leaderPersonId" initialLabel={editing?.leaderName} allowClear={false} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="level" label={t('innovation.level')} rules={required}>
            <Select id="level" style={{ width: 140 }} options={innovationLevels.map((l) => ({ value: l, label: t(innovationLabel.level(l)) }))} />
          </Form.Item>
          {!editing && (
            <Form.Item name="appliedOn" label={t('innovation.appliedOn')} rules={required}>
              <DatePicker id="appliedOn" />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="summary" label={t('innovation.summary')} rules={[{ max: 5000 }]}>
          <Input.TextArea id="summary" rows={4} />
        </Form.Item>
        {!editing && (
          <Form.Item name="comment" label={t('innovation.comment')} rules={[{ max: 2000 }]}>
            <Input.TextArea id="comment" rows={2} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
