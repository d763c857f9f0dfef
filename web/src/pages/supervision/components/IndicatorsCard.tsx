import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SupervisionIndicator, SupervisionPlanDetail } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { label } from '../../../locales/keys';
import { useDeleteIndicator } from '../hooks';
import { IndicatorDrawer } from './IndicatorDrawer';

/** The plan's indicators: requirement, evidence asked for, unit kinds; the office edits them. */
export function IndicatorsCard({ plan }: { plan: SupervisionPlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [editing, setEditing] = useState<SupervisionIndicator | null | undefined>(undefined);
  const remove = useDeleteIndicator();
  const manage = plan.abilities.managePlans;
  return (
    <Card
      size="small"
      title={t('supervision.indicators')}
      extra={manage && <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="indicator-new">{t('supervision.addIndicator')}</Button>}
    >
      <Table<SupervisionIndicator>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.indicators}
        columns={[
          { title: '#', key: 'n', width: 40, render: (_, __, i) => i + 1 },
          { title: t('supervision.requirement'), dataIndex: 'requirement', key: 'requirement' },
          { title: t('supervision.evidence'), dataIndex: 'evidence', key: 'evidence', width: 240 },
          {
            title: t('supervision.unitKinds'), key: 'unitKinds', width: 200,
            render: (_, i) => (i.unitKinds.length ? i.unitKinds.map((k) => <Tag key={k}>{t(label.unitKind(k))}</Tag>) : <Tag>{t('supervision.unitKindsAll')}</Tag>),
          },
          { title: t('supervision.checkCount'), dataIndex: 'checkCount', key: 'checkCount', width: 80, align: 'right' },
          ...(manage
            ? [{
                title: t('common.actions'), key: 'actions', width: 120,
                render: (_: unknown, i: SupervisionIndicator) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(i)}>{t('common.edit')}</Button>
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(i).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                      <Button type="link" size="small" danger disabled={i.checkCount > 0}>{t('common.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <IndicatorDrawer planId={plan.id} open={editing !== undefined} editing={editing ?? null} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
