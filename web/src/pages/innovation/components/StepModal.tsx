import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { innovationGrades, type InnovationAction, type InnovationProject } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useProjectStep } from '../hooks';
import { innovationLabel } from '../labels';

interface Props {
  project: InnovationProject;
  action: InnovationAction | null;
  onClose: () => void;
}

type Shape = { at: dayjs.Dayjs; expertComment?: string; grade?: string };

/** One office step: its date, the experts' comment, and the grade at acceptance. */
export function StepModal({ project, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const run = useProjectStep();
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue({ at: dayjs() });
  }, [action, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { at: v.at.format('YYYY-MM-DD'), expertComment: v.expertComment?.trim() || null, ...(action === 'accept' ? { grade: v.grade } : {}) };
    try {
      await run.mutateAsync({ project, action: action!, body });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={!!action} title={action ? t(innovationLabel.step(action)) : ''} onCancel={onClose} onOk={() => void submit()} confirmLoading={run.isPending} forceRender width={560}>
      <Form<Shape> form={form} layout="vertical">
        <Form.Item name="at" label={t('innovation.stepAt')} rules={required}><DatePicker id="at" /></Form.Item>
        {action === 'accept' && (
          <Form.Item name="grade" label={t('innovation.grade')} rules={required}>
            <Select id="grade" style={{ width: 160 }} options={innovationGrades.map((g) => ({ value: g, label: t(innovationLabel.grade(g)) }))} />
          </Form.Item>
        )}
        <Form.Item name="expertComment" label={t('innovation.expertComment')} rules={[{ max: 2000 }]}><Input.TextArea id="expertComment" rows={4} /></Form.Item>
      </Form>
    </Modal>
  );
}
