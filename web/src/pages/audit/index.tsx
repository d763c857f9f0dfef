import { useEffect, useState } from 'react';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiError } from '../../app/errors';
import { useAuditLog, type AuditEntry, type AuditFilters } from './hooks';
import { AuditFilterBar } from './components/AuditFilterBar';
import { JsonDiff } from './components/JsonDiff';
import { actionLabel, entityLabel } from './labels';

const actionColor = (a: string) =>
  /delete|remove|lock|refused|fail/.test(a) ? 'red' : /create|add|import/.test(a) ? 'green' : /update|edit|reset|unlock|password/.test(a) ? 'orange' : 'default';

export default function AuditPage() {
  const { t } = useTranslation();
  const onError = useApiError();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching, error } = useAuditLog({ ...filters, page, pageSize });

  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <AuditFilterBar
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        data-testid="audit-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (r) => <JsonDiff before={r.before} after={r.after} />,
          rowExpandable: (r) => r.before != null || r.after != null,
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('audit.action'), dataIndex: 'action', width: 170, render: (a: string) => <Tag color={actionColor(a)} title={a}>{actionLabel(t, a)}</Tag> },
          { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (e: string) => <span title={e}>{entityLabel(t, e)}</span> },
          { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, render: (v: string | null) => v ?? '—' },
        ]}
        onChange={(pg) => {
          setPage(pg.current ?? 1);
          setPageSize(pg.pageSize ?? 20);
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
    </Card>
  );
}
