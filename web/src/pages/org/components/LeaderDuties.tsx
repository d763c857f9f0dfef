import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { dutyKinds, type LeaderDuty } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { label } from '../../../locales/keys';
import { useDuties, useRemoveDuty } from '../hooks';
import { DutyFormModal } from './DutyFormModal';

/** 一岗双责: which leader is in charge of (分管) or linked to (联系) which unit. */
export function LeaderDuties() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [kind, setKind] = useState<LeaderDuty['kind'] | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const { data, isFetching } = useDuties({ kind, unitId });
  const remove = useRemoveDuty();
  const writable = can('org.duty.write');

  const onRemove = async (d: LeaderDuty) => {
    try {
      await remove.mutateAsync(d.id);
      void message.success(t('common.deleted'));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Card size="small" title={t('duty.title')} data-testid="leader-duties">
      <Space className="st-filter-bar" wrap>
        <Select
          allowClear
          placeholder={t('duty.kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
          options={dutyKinds.map((k) => ({ value: k, label: t(label.dutyKind(k)) }))}
        />
        <UnitTreeSelect placeholder={t('duty.unit')} value={unitId} onChange={(v) => setUnitId(v ?? undefined)} style={{ width: 240 }} />
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="duty-add">
            {t('duty.add')}
          </Button>
        )}
      </Space>
      <Table<LeaderDuty>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }), hideOnSinglePage: true }}
        columns={[
          { title: t('duty.person'), dataIndex: 'personName', width: 140 },
          {
            title: t('duty.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: LeaderDuty['kind']) => <Tag color={k === 'in_charge' ? 'red' : 'orange'}>{t(label.dutyKind(k))}</Tag>,
          },
          { title: t('duty.unit'), dataIndex: 'unitName' },
          { title: t('duty.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, d: LeaderDuty) => (
                    <Popconfirm title={t('duty.removeConfirm')} onConfirm={() => void onRemove(d)} okButtonProps={{ danger: true }}>
                      <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DutyFormModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
