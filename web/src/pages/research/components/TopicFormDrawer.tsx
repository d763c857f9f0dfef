import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResearchTopic } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { useSaveTopic, type TopicFormValues } from '../hooks';
import { DocumentSelect } from './DocumentSelect';
import { UnitMultiSelect } from './UnitMultiSelect';

interface Props {
  open: boolean;
  editing: ResearchTopic | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

export function TopicFormDrawer({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<TopicFormValues>();
  const save = useSaveTopic();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, unitIds: editing.units.map((u) => u.id), reportDocumentId: editing.reportDocument?.id ?? null });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ editing, values: v });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
      onSaved?.(saved.id);
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
      title={t(editing ? 'research.edit' : 'research.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="research-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<TopicFormValues> form={form} layout="vertical">
        <Form.Item name="title" label={t('research.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input id="title" maxLength={200} />
        </Form.Item>
        <Form.Item name="problemArea" label={t('research.problemArea')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input id="problemArea" maxLength={200} placeholder={t('research.problemAreaHint')} />
        </Form.Item>
        <Form.Item name="leaderPersonId" label={t('research.leader')} rules={required}>
          <PersonSelect id="leaderPersonId" initialLabel={editing?.leaderName} allowClear={false} />
        </Form.Item>
        <Form.Item name="unitIds" label={t('research.units')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
          <UnitMultiSelect id="unitIds" />
        </Form.Item>
        <Form.Item name="reportDocumentId" label={t('research.report')} extra={t('research.reportHint')}>
          <DocumentSelect id="reportDocumentId" initialLabel={editing?.reportDocument?.title} />
        </Form.Item>
        <Form.Item name="findings" label={t('research.findings')} rules={[{ max: 10000 }]}>
          <Input.TextArea id="findings" rows={6} maxLength={10000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
