import { useEffect } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SupervisionPlan } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useCampaignOptions } from '../../campaigns/hooks';
import { useSavePlan, type IndicatorValues } from '../hooks';
import { UnitKindSelect } from './UnitKindSelect';

interface Props {
  open: boolean;
  editing: SupervisionPlan | null;
  defaultCampaignId?: string;
  onClose: () => void;
  onCreated?: (id: string) => void;
}

type FormShape = { campaignId: string; month: dayjs.Dayjs; title: string; indicators?: IndicatorValues[] };

/** A month's plan; on creation its indicators are decomposed right away (more can be added on the plan page). */
export function PlanFormDrawer({ open, editing, defaultCampaignId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSavePlan();
  const campaigns = useCampaignOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ campaignId: editing.campaignId, month: dayjs(`${editing.month}-01`), title: editing.title });
    else form.setFieldsValue({ campaignId: defaultCampaignId, month: dayjs().startOf('month'), indicators: [{ requirement: '', unitKinds: [] }] });
  }, [open, editing, defaultCampaignId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const plan = await save.mutateAsync({ editing, values: { ...v, month: v.month.format('YYYY-MM') } });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
      if (!editing) onCreated?.(plan.id);
    } catch (e) {
      onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={640}
      title={t(editing ? 'supervision.editPlan' : 'supervision.newPlan')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="plan-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form<FormShape> form={form} layout="vertical">
        <Form.Item name="campaignId" label={t('supervision.campaign')} rules={required}>
          <Select id="campaignId" disabled={!!editing} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="month" label={t('supervision.month')} rules={required}>
            <DatePicker id="month" picker="month" />
          </Form.Item>
          <Form.Item name="title" label={t('supervision.title')} rules={[...required, { whitespace: true }, { max: 200 }]} style={{ minWidth: 360 }}>
            <Input id="title" maxLength={200} />
          </Form.Item>
        </Space>
        {!editing && (
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" title={`${t('supervision.indicators')} ${i + 1}`} extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}>
                    <Form.Item name={[f.name, 'requirement']} label={t('supervision.requirement')} rules={[...required, { whitespace: true }, { max: 500 }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'evidence']} label={t('supervision.evidence')} rules={[{ max: 1000 }]}>
                      <Input maxLength={1000} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unitKinds']} label={t('supervision.unitKinds')} extra={t('supervision.unitKindsAll')}>
                      <UnitKindSelect />
                    </Form.Item>
                  </Card>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ requirement: '', unitKinds: [] })}>{t('supervision.addIndicator')}</Button>
              </Space>
            )}
          </Form.List>
        )}
      </Form>
    </Drawer>
  );
}
