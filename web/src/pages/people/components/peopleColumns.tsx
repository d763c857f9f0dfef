import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Person } from '@santong/contract';
import { label } from '../../../locales/keys';

export function peopleColumns(t: TFunction, sort?: string): TableColumnsType<Person> {
  const order = (field: string) => (sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null);
  return [
    { title: t('person.staffNo'), dataIndex: 'staffNo', key: 'staffNo', width: 110, sorter: true, sortOrder: order('staffNo') },
    { title: t('person.name'), dataIndex: 'name', key: 'name', width: 100, sorter: true, sortOrder: order('name') },
    { title: t('person.unit'), dataIndex: 'unitName', key: 'unitName', ellipsis: true },
    { title: t('person.title'), dataIndex: 'title', key: 'title', width: 130, ellipsis: true },
    {
      title: t('person.politicalStatus'),
      dataIndex: 'politicalStatus',
      key: 'politicalStatus',
      width: 130,
      render: (s: Person['politicalStatus']) => (
        <Tag color={s === 'cpc_member' || s === 'cpc_probationary' ? 'red' : 'default'} bordered={false}>
          {t(label.political(s))}
        </Tag>
      ),
    },
    {
      title: t('person.dualLeader'),
      dataIndex: 'dualLeader',
      key: 'dualLeader',
      width: 100,
      render: (v: boolean) => (v ? <Tag color="gold">{t('person.dualLeader')}</Tag> : null),
    },
    {
      title: t('person.positions'),
      dataIndex: 'positions',
      key: 'positions',
      render: (ps: Person['positions']) => (
        <Space size={[2, 2]} wrap>
          {ps.map((p) => (
            <Tag key={p.id} title={p.unitName}>
              {t(label.positionRole(p.role))}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('person.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
  ];
}
