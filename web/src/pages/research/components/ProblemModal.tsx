import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResearchProblem } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveProblem } from '../hooks';

interface Props {
  topicId: string;
  open: boolean;
  editing: ResearchProblem | null;
  onClose: () => void;
}

/** A problem the research found, with the unit that owns it. */
export function ProblemModal({ topicId, open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<{ description: string; ownerUnitId: string }>();
  const save = useSaveProblem(topicId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ description: editing.description, ownerUnitId: editing.ownerUnitId ?? undefined });
  }, [open, editing, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ editing, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={open} forceRender title={t(editing ? 'research.problem.edit' : 'research.problem.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden={false}>
      <Form form={form} layout="vertical">
        <Form.Item name="description" label={t('research.problem.description')} rules={[...required, { whitespace: true }, { max: 2000 }]}>
          <Input.TextArea id="description" rows={4} maxLength={2000} showCount data-testid="problem-description" />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('research.problem.ownerUnit')} rules={required} extra={t('research.problem.ownerUnitHint')}>
          <UnitTreeSelect id="ownerUnitId" allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
