import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResultApplication } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useDeleteApplication } from '../hooks';
import { appKindColor, appKindKey } from '../labels';

interface Props {
  items: ResultApplication[];
  loading?: boolean;
  onEdit?: (a: ResultApplication) => void;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number, s: number) => void };
}

/** Applications of results, with the talk's details; edit/delete when the caller may write. */
export function ApplicationTable({ items, loading, onEdit, pagination = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const remove = useDeleteApplication();
  return (
    <Table<ResultApplication>
      rowKey="id"
      size="small"
      loading={loading}
      data-testid="application-table"
      dataSource={items}
      pagination={pagination ? { ...pagination, showSizeChanger: true } : false}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('results.year'), dataIndex: 'schemeYear', width: 70 },
        { title: t('resultApp.kind'), dataIndex: 'kind', width: 100, render: (k: ResultApplication['kind']) => <Tag color={appKindColor[k]}>{t(appKindKey(k))}</Tag> },
        { title: t('resultApp.target'), dataIndex: 'targetName', width: 150, render: (v: string | null, a) => (v ? <>{v} {a.grade && <Tag>{a.grade}</Tag>}</> : '—') },
        { title: t('resultApp.person'), dataIndex: 'personName', width: 100 },
        { title: t('resultApp.talkedOn'), dataIndex: 'talkedOn', width: 110 },
        { title: t('resultApp.talker'), dataIndex: 'talkerName', width: 100 },
        { title: t('resultApp.points'), key: 'points', render: (_, a) => a.points ?? a.note },
        { title: t('resultApp.followUpDue'), dataIndex: 'followUpDue', width: 110 },
        { title: t('resultApp.outcome'), dataIndex: 'outcome', width: 180 },
        ...(onEdit
          ? [{
              title: t('common.actions'), key: 'actions', width: 120, fixed: 'right' as const,
              render: (_: unknown, a: ResultApplication) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onEdit(a)}>{t('common.edit')}</Button>
                  <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(a).then(() => message.success(t('common.deleted')), onError)}>
                    <Button type="link" size="small" danger>{t('common.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            }]
          : []),
      ]}
    />
  );
}
