import { useEffect } from 'react';
import { App, DatePicker, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HonourRound } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useRoundStep } from '../hooks';

type Shape = { publicityStart: dayjs.Dayjs; publicityEnd: dayjs.Dayjs };

/** Opens the 公示 window (start ≤ end); everyone in the tenant is notified. */
export function PublicityModal({ round, open, onClose }: { round: HonourRound; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const step = useRoundStep();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ publicityStart: dayjs(), publicityEnd: dayjs().add(6, 'day') });
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await step.mutateAsync({ id: round.id, step: 'publicity', body: { publicityStart: v.publicityStart.format('YYYY-MM-DD'), publicityEnd: v.publicityEnd.format('YYYY-MM-DD') } });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={open} title={t('honour.step.openPublicity')} onCancel={onClose} onOk={() => void submit()} confirmLoading={step.isPending} forceRender>
      <Form<Shape> form={form} layout="vertical" name="publicity">
        <Form.Item name="publicityStart" label={t('honour.publicityStart')} rules={required}><DatePicker /></Form.Item>
        <Form.Item name="publicityEnd" label={t('honour.publicityEnd')} rules={required}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
