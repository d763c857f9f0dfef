import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { campaignKinds, type Campaign } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { campaignLabel } from '../labels';
import { useSaveCampaign, type CampaignFormValues } from '../hooks';

interface Props {
  open: boolean;
  editing: Campaign | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

type FormShape = Omit<CampaignFormValues, 'startDate' | 'endDate'> & { startDate: Dayjs; endDate: Dayjs };

export function CampaignFormDrawer({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveCampaign();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, startDate: dayjs(editing.startDate), endDate: dayjs(editing.endDate) });
    else form.setFieldsValue({ kind: 'theme_education', startDate: dayjs().startOf('month'), endDate: dayjs().endOf('year') });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ editing, values: { ...v, startDate: v.startDate.format('YYYY-MM-DD'), endDate: v.endDate.format('YYYY-MM-DD') } });
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
      width={520}
      title={t(editing ? 'campaign.edit' : 'campaign.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="campaign-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormShape> form={form} layout="vertical" name="campaign">
        <Form.Item name="title" label={t('campaign.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('campaign.kind')} rules={required}>
          <Select options={campaignKinds.map((k) => ({ value: k, label: t(campaignLabel.kind(k)) }))} />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="startDate" label={t('campaign.startDate')} rules={required} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('campaign.endDate')}
            dependencies={['startDate']}
            style={{ flex: 1 }}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | undefined) =>
                  !v || !getFieldValue('startDate') || !v.isBefore(getFieldValue('startDate'), 'day') ? Promise.resolve() : Promise.reject(new Error(t('campaign.endBeforeStart'))),
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="description" label={t('campaign.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
