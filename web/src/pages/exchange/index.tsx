import { useState } from 'react';
import { App, Button, Card, DatePicker, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExchangeMeeting } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { useDeleteExchange, useExchangeMeetings } from './hooks';
import { ExchangeDrawer } from './components/ExchangeDrawer';

/** 每月一交流 (S14): the monthly exchange meetings by year and month, with their files. */
export default function ExchangePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [month, setMonth] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<ExchangeMeeting | null | undefined>(undefined);
  const filters = { year: month ? undefined : year, month, q };
  const { data, isFetching } = useExchangeMeetings({ ...filters, page, pageSize });
  const remove = useDeleteExchange();
  const writable = can('assess.exchange.write');

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker picker="year" placeholder={t('exchange.year')} value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => { setYear(d?.year()); setMonth(undefined); setPage(1); }} />
        <DatePicker picker="month" placeholder={t('exchange.month')} value={month ? dayjs(`${month}-01`) : null} onChange={(d) => { setMonth(d?.format('YYYY-MM')); setPage(1); }} />
        <Input.Search allowClear placeholder={t('exchange.searchPlaceholder')} style={{ width: 240 }} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} />
        {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(null)} data-testid="exchange-new">{t('exchange.new')}</Button>}
        <ExcelActions base="/api/v1/exchange-meetings" fileStem="exchange-meetings" filters={filters} canImport={false} />
      </Space>
      <Table<ExchangeMeeting>
        size="middle"
        rowKey="id"
        data-testid="exchange-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onChange={(pg) => { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('exchange.month'), dataIndex: 'month', key: 'month', width: 90 },
          { title: t('exchange.heldOn'), dataIndex: 'heldOn', key: 'heldOn', width: 110 },
          { title: t('exchange.presenters'), dataIndex: 'presenters', key: 'presenters', width: 280 },
          {
            title: t('exchange.topics'), dataIndex: 'topics', key: 'topics',
            render: (v: string, m) => <Typography.Link onClick={() => setOpen(m)}>{v.split('\n').map((line, i) => <div key={i}>{line}</div>)}</Typography.Link>,
          },
          { title: t('exchange.summary'), dataIndex: 'summary', key: 'summary', ellipsis: true },
          ...(writable
            ? [{
                title: t('common.actions'), key: 'actions', width: 120,
                render: (_: unknown, m: ExchangeMeeting) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setOpen(m)}>{t('common.edit')}</Button>
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(m).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                      <Button type="link" size="small" danger>{t('common.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <ExchangeDrawer open={open !== undefined} editing={open ?? null} writable={writable} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
