import { useEffect } from 'react';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { adjustmentKinds, defaultBands, type AssessmentScheme } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useSaveScheme, type SchemeValues } from '../hooks';

interface Props {
  open: boolean;
  editing: AssessmentScheme | null;
  onClose: () => void;
  onSaved?: (s: AssessmentScheme) => void;
}

type Shape = Omit<SchemeValues, 'selfReportDeadline' | 'ratingDeadline' | 'bands'> & {
  selfReportDeadline?: dayjs.Dayjs | null;
  ratingDeadline?: dayjs.Dayjs | null;
  bands: { name: string; label: string; minScore: number; maxShare: number | null }[];
};

const day = (d?: string | null) => (d ? dayjs(d) : null);

/** Scheme settings: year, title, trimmed mean, grade bands with quotas (in %), adjustment items, deadlines. */
export function SchemeFormDrawer({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const save = useSaveScheme();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const src = editing ?? { year: new Date().getFullYear(), title: '', trimmedMean: true, bands: defaultBands, adjustmentItems: [], selfReportDeadline: null, ratingDeadline: null };
    form.setFieldsValue({
      ...src, selfReportDeadline: day(src.selfReportDeadline), ratingDeadline: day(src.ratingDeadline),
      bands: src.bands.map((b) => ({ ...b, maxShare: b.maxShare === null ? null : Math.round(b.maxShare * 100) })),
    });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const values: SchemeValues = {
      ...v, selfReportDeadline: v.selfReportDeadline?.format('YYYY-MM-DD') ?? null, ratingDeadline: v.ratingDeadline?.format('YYYY-MM-DD') ?? null,
      bands: v.bands.map((b) => ({ ...b, maxShare: b.maxShare ? b.maxShare / 100 : null })), adjustmentItems: v.adjustmentItems ?? [],
    };
    try {
      const saved = await save.mutateAsync({ editing, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
      onSaved?.(saved);
    } catch (e) {
      onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} forceRender width={720} title={t(editing ? 'assessment.edit' : 'assessment.new')} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="scheme-save">{t('common.save')}</Button></Space>}>
      <Form<Shape> form={form} layout="vertical">
        <Space size="large" wrap>
          <Form.Item name="year" label={t('assessment.year')} rules={required}><InputNumber id="year" min={2000} max={2100} /></Form.Item>
          <Form.Item name="selfReportDeadline" label={t('assessment.selfReportDeadline')}><DatePicker id="selfReportDeadline" /></Form.Item>
          <Form.Item name="ratingDeadline" label={t('assessment.ratingDeadline')}><DatePicker id="ratingDeadline" /></Form.Item>
        </Space>
        <Form.Item name="title" label={t('assessment.title')} rules={[...required, { max: 200 }]}><Input id="title" /></Form.Item>
        <Form.Item name="trimmedMean" valuePropName="checked" extra={t('assessment.trimmedMeanHint')}><Checkbox>{t('assessment.trimmedMean')}</Checkbox></Form.Item>
        <Typography.Title level={5}>{t('assessment.bands')}</Typography.Title>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={required}><Input placeholder="excellent" style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={required}><Input placeholder={t('assessment.band.label')} style={{ width: 90 }} /></Form.Item>
                  <Form.Item name={[f.name, 'minScore']} rules={required}><InputNumber addonBefore={t('assessment.band.minScore')} min={0} max={200} /></Form.Item>
                  <Form.Item name={[f.name, 'maxShare']}><InputNumber addonBefore={t('assessment.band.maxShare')} addonAfter="%" min={1} max={100} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ maxShare: null })}>{t('common.create')}</Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('assessment.adjustmentItems')}</Typography.Title>
        <Form.List name="adjustmentItems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'kind']} rules={required}>
                    <Select style={{ width: 100 }} options={adjustmentKinds.map((k) => ({ value: k, label: t(`assessment.adjKind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'code']} rules={required}><Input placeholder={t('assessment.adj.code')} style={{ width: 120 }} /></Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={required}><Input placeholder={t('assessment.adj.name')} style={{ width: 220 }} /></Form.Item>
                  <Form.Item name={[f.name, 'cap']} rules={required}><InputNumber placeholder={t('assessment.adj.cap')} min={0} max={100} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'bonus', cap: 1 })}>{t('common.create')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
