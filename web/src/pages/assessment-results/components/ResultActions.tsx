import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, List, Modal, Popconfirm, Radio, Space, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { resultPublishScopes, type ResultMissingRating, type ResultPublishScope, type ResultSchemeSummary } from '@santong/contract';
import { api, isApiError } from '../../../app/api';
import { useApiError } from '../../../app/errors';
import { useCompute, useFreeze, usePublish } from '../hooks';
import { scopeKey } from '../labels';

/** Compute (with override when ratings are missing), freeze and publish — the office's actions, each confirmed. */
export function ResultActions({ scheme }: { scheme: ResultSchemeSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const compute = useCompute(scheme.id);
  const freeze = useFreeze(scheme.id);
  const publish = usePublish(scheme.id);
  const [missing, setMissing] = useState<ResultMissingRating[] | null>(null);
  const [reason, setReason] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [form] = Form.useForm<{ scope: ResultPublishScope; publishReports: boolean }>();

  const runCompute = async (overrideReason?: string) => {
    try {
      const r = (await compute.mutateAsync(overrideReason)) as { computed: number };
      void message.success(t('results.computed.ok', { count: r.computed }));
      setMissing(null);
    } catch (e) {
      if (isApiError(e) && e.code === 'RATINGS_MISSING') setMissing((e.details?.missing as ResultMissingRating[]) ?? []);
      else onError(e);
    }
  };
  const runPublish = async () => {
    const v = await form.validateFields();
    try {
      await publish.mutateAsync(v);
      void message.success(t('results.published.ok'));
      setPublishing(false);
    } catch (e) {
      onError(e);
    }
  };
  const frozen = !!scheme.frozenAt;
  return (
    <Space wrap>
      {!frozen && (
        <Popconfirm title={t('results.computeConfirm')} onConfirm={() => void runCompute()} okButtonProps={{ 'data-testid': 'compute-ok' } as ButtonProps}>
          <Button type={scheme.computed ? 'default' : 'primary'} loading={compute.isPending} data-testid="results-compute">{t(scheme.computed ? 'results.recompute' : 'results.compute')}</Button>
        </Popconfirm>
      )}
      {!frozen && scheme.computed && (
        <Popconfirm title={t('results.freezeConfirm')} onConfirm={() => freeze.mutateAsync().then(() => message.success(t('results.frozen.ok')), onError)} okButtonProps={{ 'data-testid': 'freeze-ok' } as ButtonProps}>
          <Button loading={freeze.isPending} data-testid="results-freeze">{t('results.freeze')}</Button>
        </Popconfirm>
      )}
      {frozen && (
        <Button type="primary" data-testid="results-publish" onClick={() => { form.setFieldsValue({ scope: scheme.publishScope ?? 'own', publishReports: scheme.publishReports }); setPublishing(true); }}>
          {t(scheme.status === 'published' ? 'results.republish' : 'results.publish')}
        </Button>
      )}
      <Modal open={!!missing} title={t('results.missingTitle', { count: missing?.length ?? 0 })} onCancel={() => setMissing(null)} okText={t('results.override')}
        okButtonProps={{ disabled: reason.trim().length < 4, danger: true, 'data-testid': 'override-ok' } as ButtonProps} onOk={() => void runCompute(reason.trim())} confirmLoading={compute.isPending}>
        <Alert type="warning" showIcon message={t('results.missingHint')} style={{ marginBottom: 12 }} />
        <List size="small" bordered style={{ maxHeight: 240, overflow: 'auto', marginBottom: 12 }} dataSource={missing ?? []}
          renderItem={(m) => <List.Item>{m.targetName} · {m.groupName} · {m.raterName}</List.Item>} />
        <Input.TextArea id="overrideReason" rows={3} maxLength={1000} placeholder={t('results.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <Modal open={publishing} title={t('results.publish')} onCancel={() => setPublishing(false)} onOk={() => void runPublish()} confirmLoading={publish.isPending} okButtonProps={{ 'data-testid': 'publish-ok' } as ButtonProps}>
        <Alert type="info" showIcon message={t('results.publishConfirm')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical">
          <Form.Item name="scope" label={t('results.publishScope')} rules={[{ required: true }]}>
            <Radio.Group>
              <Space direction="vertical">
                {resultPublishScopes.map((s) => <Radio key={s} value={s} data-testid={`scope-${s}`}>{t(scopeKey(s))}</Radio>)}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="publishReports" valuePropName="checked"><Checkbox>{t('results.publishReports')}</Checkbox></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export const exportResults = (schemeId: string, title: string) => api.download(`/api/v1/assessment-schemes/${schemeId}/results/export`, undefined, `${title}-考核结果.xlsx`);
