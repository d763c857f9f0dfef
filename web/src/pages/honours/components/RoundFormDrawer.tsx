import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { honourCategories, type HonourRound } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useSaveRound, type RoundFormValues } from '../hooks';
import { honourLabel } from '../labels';

interface Props {
  open: boolean;
  editing: HonourRound | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

/** A new round (year, title, places per category), or its title and quotas until publicity. */
export function RoundFormDrawer({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<RoundFormValues>();
  const save = useSaveRound();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const year = new Date().getFullYear();
    form.setFieldsValue(editing ?? { year, title: `${year}年度“两优一先”评选表彰`, quotas: { outstanding_member: 10, outstanding_worker: 5, advanced_organisation: 4 } });
  }, [open, editing, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ editing, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
      onSaved?.(saved.id);
    } catch (e) {
      onError(e, { form });
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} forceRender width={520} title={t(editing ? 'honour.round.edit' : 'honour.round.new')} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="round-save">{t('common.save')}</Button></Space>}>
      <Form<RoundFormValues> form={form} layout="vertical" name="round">
        <Form.Item name="year" label={t('honour.round.year')} rules={required}><InputNumber min={2000} max={2100} disabled={!!editing} /></Form.Item>
        <Form.Item name="title" label={t('honour.round.title')} rules={[...required, { whitespace: true }, { max: 200 }]}><Input maxLength={200} /></Form.Item>
        {honourCategories.map((c) => (
          <Form.Item key={c} name={['quotas', c]} label={`${t(honourLabel.category(c))} · ${t('honour.quota')}`} rules={required}>
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
