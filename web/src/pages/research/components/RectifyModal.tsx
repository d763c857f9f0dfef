import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ResearchProblem, ResearchTopic } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { useRectify } from '../hooks';

interface Props {
  topic: ResearchTopic;
  problem: ResearchProblem | null;
  onClose: () => void;
}

interface Shape {
  title?: string;
  dueDate: Dayjs;
  responsiblePersonId?: string | null;
}

/** "转为整改任务": one step from a problem to a planned rectification task of its unit. */
export function RectifyModal({ topic, problem, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const rectify = useRectify();

  useEffect(() => {
    if (!problem) return;
    form.resetFields();
    form.setFieldsValue({ dueDate: dayjs().add(1, 'month'), responsiblePersonId: topic.leaderPersonId });
  }, [problem, topic, form]);

  const submit = async () => {
    if (!problem) return;
    const v = await form.validateFields();
    try {
      await rectify.mutateAsync({ problem, values: { title: v.title, dueDate: v.dueDate.format('YYYY-MM-DD'), responsiblePersonId: v.responsiblePersonId ?? null } });
      void message.success(t('research.rectify.done'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Modal open={!!problem} forceRender title={t('research.rectify.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={rectify.isPending} okText={t('research.rectify.ok')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('research.rectify.hint', { unit: problem?.ownerUnitName ?? '' })} />
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('research.rectify.taskTitle')} rules={[{ max: 200 }]} extra={t('research.rectify.taskTitleHint')}>
          <Input id="title" maxLength={200} placeholder={problem ? t('research.rectify.defaultTitle', { text: problem.description.slice(0, 60) }) : ''} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('research.rectify.dueDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker id="dueDate" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('research.rectify.responsible')}>
          <PersonSelect id="responsiblePersonId" initialLabel={topic.leaderName} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
