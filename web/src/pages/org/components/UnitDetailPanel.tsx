import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { TrackTag } from '../../../components/TrackTag';
import { label } from '../../../locales/keys';
import { useDeleteUnit, useUnitDetail, useUnitPeople } from '../hooks';
import { UnitPositions } from './UnitPositions';
import { ResultsPanel } from '../../assessment-results/components/ResultsPanel';

interface Props {
  unitId: string | null;
  units: Unit[];
  pairs: Map<string, Unit>;
  onEdit: (u: Unit) => void;
  onNewChild: (parent: Unit) => void;
  onDeleted: () => void;
  onSelect: (id: string) => void;
}

function UnitPeople({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useUnitPeople(unitId, page, 10);
  return (
    <Table<Person>
      size="small"
      rowKey="id"
      loading={isFetching}
      dataSource={data?.items ?? []}
      pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }), hideOnSinglePage: true }}
      columns={[
        { title: t('person.staffNo'), dataIndex: 'staffNo', width: 110 },
        { title: t('person.name'), dataIndex: 'name', width: 110 },
        { title: t('person.title'), dataIndex: 'title' },
        { title: t('person.politicalStatus'), dataIndex: 'politicalStatus', render: (s: Person['politicalStatus']) => t(label.political(s)) },
        {
          title: t('person.dualLeader'),
          dataIndex: 'dualLeader',
          render: (v: boolean) => (v ? <Tag color="gold">{t('person.dualLeader')}</Tag> : null),
        },
      ]}
    />
  );
}

/** One unit: its attributes, positions, leaders in charge and people. */
export function UnitDetailPanel({ unitId, units, pairs, onEdit, onNewChild, onDeleted, onSelect }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data, isLoading } = useUnitDetail(unitId);
  const del = useDeleteUnit();

  if (!unitId) return <Card><Empty description={t('org.unit.noSelection')} /></Card>;
  if (isLoading || !data) return <Card><Spin style={{ display: 'block', margin: 48 }} /></Card>;

  const u = data.unit;
  const parent = units.find((x) => x.id === u.parentId);
  const paired = data.pairedUnit ?? pairs.get(u.id);
  const writable = can('org.unit.write');

  const remove = async () => {
    try {
      await del.mutateAsync(u);
      void message.success(t('common.deleted'));
      onDeleted();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="unit-detail">
      <Card
        title={
          <Space>
            <TrackTag track={u.track} />
            <span>{u.name}</span>
          </Space>
        }
        extra={
          writable && (
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => onNewChild(u)} data-testid="unit-new-child">
                {t('org.unit.newChild')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => onEdit(u)} data-testid="unit-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('org.unit.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="unit-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('org.unit.kind')}>{t(label.unitKind(u.kind))}</Descriptions.Item>
          <Descriptions.Item label={t('org.unit.code')}>{u.code}</Descriptions.Item>
          <Descriptions.Item label={t('org.unit.shortName')}>{u.shortName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('org.unit.parent')}>
            {parent ? <Typography.Link onClick={() => onSelect(parent.id)}>{parent.name}</Typography.Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.unit.paired')}>
            {paired ? (
              <Typography.Link onClick={() => onSelect(paired.id)}>
                <SwapOutlined /> {paired.name}
              </Typography.Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.unit.peopleCount')}>{data.peopleCount}</Descriptions.Item>
        </Descriptions>
      </Card>
      <UnitPositions positions={data.positions} />
      <Card size="small" title={t('org.unit.leaders')}>
        {data.leaders.length ? (
          <Space wrap>
            {data.leaders.map((d) => (
              <Tag key={d.id} color={d.kind === 'in_charge' ? 'red' : 'orange'}>
                {t(label.dutyKind(d.kind))} · {d.personName}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
      </Card>
      {can('org.person.read') && (
        <Card size="small" title={t('org.unit.people')}>
          <UnitPeople unitId={u.id} />
        </Card>
      )}
      {can('assess.result.read') && (
        <Card size="small" title={t('results.panel')}>
          <ResultsPanel unitId={u.id} />
        </Card>
      )}
    </Space>
  );
}
