import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { regulationCategories, type Regulation } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveRegulation, type RegulationFormValues } from '../hooks';
import { regulationLabel } from '../labels';

interface Props {
  open: boolean;
  editing: Regulation | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

/** A new regulation starts as a draft; only drafts are edited in place. */
export function RegulationFormDrawer({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<RegulationFormValues>();
  const save = useSaveRegulation();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue(editing);
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
    <Drawer open={open} forceRender width={600} title={t(editing ? 'regulation.edit' : 'regulation.new')} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="regulation-save">{t('common.save')}</Button></Space>}>
      <Form<RegulationFormValues> form={form} layout="vertical">
        <Form.Item name="title" label={t('regulation.title')} rules={[...required, { whitespace: true }, { max: 200 }]}><Input id="title" maxLength={200} /></Form.Item>
        <Form.Item name="docNo" label={t('regulation.docNo')} rules={[{ max: 100 }]}><Input id="docNo" placeholder="南粤职院党〔2026〕1号" /></Form.Item>
        <Form.Item name="ownerUnitId" label={t('regulation.ownerUnit')} rules={required}><UnitTreeSelect id="ownerUnitId" allowClear={false} /></Form.Item>
        <Form.Item name="category" label={t('regulation.category')} rules={required}>
          <Select id="category" options={regulationCategories.map((c) => ({ value: c, label: t(regulationLabel.category(c)) }))} />
        </Form.Item>
        <Form.Item name="body" label={t('regulation.body')} rules={[{ max: 50000 }]}><Input.TextArea id="body" rows={10} /></Form.Item>
      </Form>
    </Drawer>
  );
}
