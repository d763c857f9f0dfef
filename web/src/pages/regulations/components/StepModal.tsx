import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Regulation } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useRegulationStep, type Step } from '../hooks';

interface Props {
  regulation: Regulation;
  step: Step | null;
  onClose: () => void;
  onDone: (id: string) => void;
}

type Shape = { date: dayjs.Dayjs; title?: string; docNo?: string; body?: string; reason?: string };

/** Publish (effective date), revise (a new version) or abolish (reason and date). */
export function StepModal({ regulation, step, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const run = useRegulationStep();
  useEffect(() => {
    if (!step) return;
    form.resetFields();
    form.setFieldsValue({ date: dayjs(), ...(step === 'revise' ? { title: regulation.title, docNo: regulation.docNo ?? '', body: regulation.body ?? '' } : {}) });
  }, [step, regulation, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const date = v.date.format('YYYY-MM-DD');
    const body =
      step === 'publish' ? { effectiveOn: date }
      : step === 'abolish' ? { reason: v.reason, abolishedOn: date }
      : { title: v.title, docNo: v.docNo?.trim() || null, body: v.body?.trim() || null, effectiveOn: date };
    try {
      const res = await run.mutateAsync({ id: regulation.id, step: step!, body });
      void message.success(t('common.saved'));
      onClose();
      onDone(res.id);
    } catch (e) {
      onError(e, { form });
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={!!step} title={step ? t(`regulation.step.${step}`) : ''} onCancel={onClose} onOk={() => void submit()} confirmLoading={run.isPending} forceRender width={640}>
      <Form<Shape> form={form} layout="vertical">
        <Form.Item name="date" label={t(step === 'abolish' ? 'regulation.abolishedOn' : 'regulation.effectiveOn')} rules={required}><DatePicker id="date" /></Form.Item>
        {step === 'revise' && (
          <>
            <Form.Item name="title" label={t('regulation.title')} rules={[...required, { max: 200 }]}><Input id="title" /></Form.Item>
            <Form.Item name="docNo" label={t('regulation.docNo')}><Input id="docNo" /></Form.Item>
            <Form.Item name="body" label={t('regulation.body')}><Input.TextArea id="body" rows={8} /></Form.Item>
          </>
        )}
        {step === 'abolish' && (
          <Form.Item name="reason" label={t('regulation.abolishReason')} rules={[...required, { whitespace: true }, { max: 1000 }]}><Input.TextArea id="reason" rows={3} /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}
