import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { dutyKinds } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { label } from '../../../locales/keys';
import { useAddDuty, type DutyFormValues } from '../hooks';

export function DutyFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<DutyFormValues>();
  const add = useAddDuty();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await add.mutateAsync(v);
      void message.success(t('common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Modal open={open} title={t('duty.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={add.isPending} forceRender okButtonProps={{ 'data-testid': 'duty-save' }}>
      <Form<DutyFormValues> form={form} layout="vertical" initialValues={{ kind: 'in_charge' }}>
        <Form.Item name="personId" label={t('duty.person')} rules={[{ required: true, message: t('common.required') }]}>
          <PersonSelect id="personId" />
        </Form.Item>
        <Form.Item name="unitId" label={t('duty.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect id="unitId" />
        </Form.Item>
        <Form.Item name="kind" label={t('duty.kind')} rules={[{ required: true }]}>
          <Radio.Group options={dutyKinds.map((k) => ({ value: k, label: t(label.dutyKind(k)) }))} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="note" label={t('duty.note')} rules={[{ max: 200 }]}>
          <Input.TextArea id="note" rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
