import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupervisionIndicator } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useSaveIndicator, type IndicatorValues } from '../hooks';
import { UnitKindSelect } from './UnitKindSelect';

interface Props {
  planId: string;
  open: boolean;
  editing: SupervisionIndicator | null;
  onClose: () => void;
}

/** Add or edit one indicator of a plan. */
export function IndicatorDrawer({ planId, open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<IndicatorValues>();
  const save = useSaveIndicator(planId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { requirement: editing.requirement, evidence: editing.evidence, unitKinds: editing.unitKinds } : { unitKinds: [] });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ editing, values: v });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Drawer
      open={open}
      forceRender
      width={520}
      title={t(editing ? 'supervision.editIndicator' : 'supervision.addIndicator')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="indicator-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form<IndicatorValues> form={form} layout="vertical">
        <Form.Item name="requirement" label={t('supervision.requirement')} rules={[{ required: true, message: t('common.required') }, { whitespace: true }, { max: 500 }]}>
          <Input.TextArea id="requirement" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="evidence" label={t('supervision.evidence')} rules={[{ max: 1000 }]}>
          <Input.TextArea id="evidence" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="unitKinds" label={t('supervision.unitKinds')} extra={t('supervision.unitKindsAll')}>
          <UnitKindSelect id="unitKinds" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
