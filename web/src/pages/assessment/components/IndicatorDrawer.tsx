import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { countMetrics, dataMetrics, indicatorTracks, outcomeKinds, type AssessmentIndicator } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useSaveIndicator, type IndicatorValues } from '../hooks';

interface Props {
  schemeId: string;
  open: boolean;
  editing: AssessmentIndicator | null;
  parent: AssessmentIndicator | null;
  onClose: () => void;
}

type Shape = Omit<IndicatorValues, 'formula'> & { metric?: string; cap?: number; outcomeKind?: string | null };

const isCount = (m?: string) => (countMetrics as readonly string[]).includes(m ?? '');

/** One node of the tree: name, weight, max score, track, observation points, and for data indicators the metric. */
export function IndicatorDrawer({ schemeId, open, editing, parent, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const save = useSaveIndicator(schemeId);
  const method = Form.useWatch('method', form);
  const metric = Form.useWatch('metric', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      const f = editing.formula;
      form.setFieldsValue({ ...editing, metric: f?.metric, cap: f?.kind === 'count' ? f.cap : undefined, outcomeKind: f?.kind === 'count' ? f.outcomeKind ?? null : null });
    } else form.setFieldsValue({ track: parent?.track ?? 'party', method: 'manual', maxScore: 10, weight: 100, sortOrder: 0 });
  }, [open, editing, parent, form]);

  const submit = async () => {
    const { metric: m, cap, outcomeKind, ...v } = await form.validateFields();
    const formula = v.method === 'data' && m ? (isCount(m) ? { kind: 'count' as const, metric: m, cap: cap ?? 1, outcomeKind: outcomeKind || null } : { kind: 'ratio' as const, metric: m }) : null;
    const values = { ...v, formula, observationPoints: v.observationPoints || null, ...(editing ? {} : { parentId: parent?.id ?? null }) } as IndicatorValues;
    try {
      await save.mutateAsync({ id: editing?.id ?? null, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} forceRender width={560} title={`${t(editing ? 'assessment.ind.edit' : 'assessment.ind.new')}${parent ? ` · ${parent.name}` : ''}`} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="indicator-save">{t('common.save')}</Button></Space>}>
      <Form<Shape> form={form} layout="vertical">
        <Form.Item name="name" label={t('assessment.ind.name')} rules={[...required, { max: 200 }]}><Input id="name" /></Form.Item>
        <Space size="large" wrap>
          <Form.Item name="weight" label={t('assessment.ind.weight')} rules={required}><InputNumber id="weight" min={0} max={100} /></Form.Item>
          <Form.Item name="maxScore" label={t('assessment.ind.maxScore')} rules={required}><InputNumber id="maxScore" min={0.5} max={1000} /></Form.Item>
          <Form.Item name="sortOrder" label={t('assessment.ind.sortOrder')}><InputNumber id="sortOrder" min={0} max={99999} /></Form.Item>
        </Space>
        <Form.Item name="track" label={t('assessment.ind.track')} rules={required}>
          <Radio.Group optionType="button" options={indicatorTracks.map((k) => ({ value: k, label: t(`assessment.track.${k}`) }))} />
        </Form.Item>
        <Form.Item name="method" label={t('assessment.ind.method')} rules={required}>
          <Radio.Group optionType="button" options={(['manual', 'data'] as const).map((k) => ({ value: k, label: t(`assessment.method.${k}`) }))} />
        </Form.Item>
        {method === 'data' && (
          <Space size="large" wrap align="start">
            <Form.Item name="metric" label={t('assessment.ind.metric')} rules={required}>
              <Select id="metric" style={{ width: 200 }} options={dataMetrics.map((m) => ({ value: m, label: t(`assessment.metric.${m}`) }))} />
            </Form.Item>
            {isCount(metric) && <Form.Item name="cap" label={t('assessment.ind.cap')} rules={required}><InputNumber id="cap" min={1} max={10000} /></Form.Item>}
            {metric === 'outcome_count' && (
              <Form.Item name="outcomeKind" label={t('assessment.ind.outcomeKind')}>
                <Select allowClear style={{ width: 160 }} options={outcomeKinds.map((k) => ({ value: k, label: t(`outcome.kind.${k}`) }))} />
              </Form.Item>
            )}
          </Space>
        )}
        <Form.Item name="observationPoints" label={t('assessment.ind.observationPoints')} rules={[{ max: 4000 }]}>
          <Input.TextArea id="observationPoints" rows={4} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
