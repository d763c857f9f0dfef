import { useState } from 'react';
import { App, Button, Popconfirm, Progress, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AssessmentScheme, AssessmentTarget } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useAddPairs, useAddTarget, useDeleteTarget, useTargets } from '../hooks';
import { AdjustmentsDrawer } from './AdjustmentsDrawer';

const structural = ['draft', 'self_assessment'];

/** Targets (a unit with its paired party organisation), their self reports, self scores, rating progress and adjustments. */
export function TargetsTab({ scheme, writable }: { scheme: AssessmentScheme; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data, isFetching } = useTargets(scheme.id);
  const pairs = useAddPairs(scheme.id);
  const add = useAddTarget(scheme.id);
  const remove = useDeleteTarget(scheme.id);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [adjusting, setAdjusting] = useState<AssessmentTarget | null>(null);
  const canEdit = writable && structural.includes(scheme.status);

  const addPairs = () => pairs.mutateAsync(undefined).then((r) => message.success(t('assessment.target.pairsAdded', { count: r.created })), (e) => onError(e));
  const addUnit = () => unitId && add.mutateAsync(unitId).then(() => { setUnitId(undefined); void message.success(t('common.created')); }, (e) => onError(e));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} loading={pairs.isPending} onClick={() => void addPairs()} data-testid="targets-add-pairs">{t('assessment.target.addPairs')}</Button>
          <UnitTreeSelect value={unitId} onChange={(v) => setUnitId(v ?? undefined)} style={{ width: 220 }} placeholder={t('assessment.target.unit')} />
          <Button disabled={!unitId} loading={add.isPending} onClick={() => void addUnit()}>{t('assessment.target.addUnit')}</Button>
        </Space>
      )}
      <Table<AssessmentTarget>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('assessment.target.name'), dataIndex: 'name', width: 130 },
          { title: t('assessment.target.unit'), dataIndex: 'unitName' },
          { title: t('assessment.target.paired'), dataIndex: 'pairedUnitName' },
          {
            title: t('assessment.target.reports'), key: 'reports', width: 200,
            render: (_, x) => x.reports.map((r) => (
              <Tooltip key={r.kind} title={r.submittedAt ? t('assessment.self.submittedAt', { time: r.submittedAt.slice(0, 16).replace('T', ' ') }) : t('assessment.self.notSubmitted')}>
                <Tag color={r.submittedAt ? 'success' : 'default'}>{t(`assessment.reportKind.${r.kind}`)}</Tag>
              </Tooltip>
            )),
          },
          { title: t('assessment.target.selfScored'), key: 'self', width: 90, render: (_, x) => `${x.selfScored}/${x.manualCount}` },
          {
            title: t('assessment.target.raters'), key: 'raters', width: 150,
            render: (_, x) => <Progress size="small" percent={x.raters ? Math.round((100 * x.submitted) / x.raters) : 0} format={() => `${x.submitted}/${x.raters}`} status={x.raters ? 'normal' : 'exception'} />,
          },
          {
            title: t('assessment.target.adjustments'), key: 'adj', width: 100,
            render: (_, x) => <Button type="link" size="small" onClick={() => setAdjusting(x)}>{x.adjustments}</Button>,
          },
          ...(canEdit ? [{
            title: t('common.actions'), key: 'actions', width: 80,
            render: (_: unknown, x: AssessmentTarget) => (
              <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(x.id).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                <Button type="link" size="small" danger>{t('common.delete')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
      <AdjustmentsDrawer scheme={scheme} target={adjusting} writable={writable} onClose={() => setAdjusting(null)} />
    </Space>
  );
}
