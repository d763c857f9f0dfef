import { useEffect, useState } from 'react';
import { Card, Input, Progress, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { ProgressReport } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useReports, type ReportFilters } from './hooks';
import { ReportStatusTag } from './components/ReportBody';
import { EvidenceList } from './components/EvidenceList';
import { ReviewDrawer } from './components/ReviewDrawer';

const statuses = ['submitted', 'returned', 'approved', 'all'] as const;

function useColumns(sort?: string): TableColumnsType<ProgressReport> {
  const { t } = useTranslation();
  const order = (key: string) => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);
  return [
    {
      title: t('report.task'),
      key: 'taskTitle',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.taskTitle}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>{r.doneText}</Typography.Text>
        </Space>
      ),
    },
    { title: t('report.unit'), dataIndex: 'ownerUnitName', key: 'ownerUnitName', width: 150, sorter: true, sortOrder: order('ownerUnitName') },
    { title: t('report.reporter'), dataIndex: 'reporterName', key: 'reporterName', width: 90 },
    {
      title: t('report.progress'),
      key: 'progress',
      width: 150,
      sorter: true,
      sortOrder: order('progress'),
      render: (_, r) => <Progress percent={r.progress} size="small" success={{ percent: Math.min(r.progress, r.taskProgress) }} />,
    },
    { title: t('report.evidence'), key: 'evidence', width: 180, render: (_, r) => <EvidenceList files={r.evidence} compact /> },
    { title: t('report.submittedAt'), key: 'submittedAt', width: 130, sorter: true, sortOrder: order('submittedAt'), render: (_, r) => dayjs(r.submittedAt).format('MM-DD HH:mm') },
    { title: t('report.statusCol'), key: 'status', width: 110, render: (_, r) => <ReportStatusTag r={r} /> },
  ];
}

/**
 * 进展审核: the working groups and the office review submitted reports
 * (oldest first); everyone with read access browses reports in their scope.
 */
export default function ReportReviewPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const reviewer = can('execute.report.review');
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<(typeof statuses)[number]>(reviewer ? 'submitted' : 'all');
  const [filters, setFilters] = useState<ReportFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>(reviewer ? 'submittedAt' : undefined);
  const query = { ...filters, status: status === 'all' ? undefined : status, page, pageSize, sort };
  const { data, isFetching, error } = useReports(query);
  const columns = useColumns(sort);
  const openId = params.get('report');

  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);

  const change = (f: Partial<ReportFilters>) => {
    setFilters((x) => ({ ...x, ...f }));
    setPage(1);
  };
  const open = (id: string | null) => setParams(id ? { report: id } : {}, { replace: true });

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as (typeof statuses)[number]);
            setPage(1);
          }}
          options={statuses.map((s) => ({ value: s, label: t(s === 'all' ? 'common.all' : `report.status.${s}`) }))}
          data-testid="report-status-filter"
        />
        <UnitTreeSelect value={filters.unitId ?? null} onChange={(v) => change({ unitId: v ?? undefined })} placeholder={t('report.unit')} style={{ width: 220 }} />
        <Input.Search allowClear placeholder={t('report.searchPlaceholder')} onSearch={(q) => change({ q: q.trim() || undefined })} style={{ width: 240 }} />
        <ExcelActions base="/api/v1/progress-reports" fileStem={t('report.exportName')} filters={{ ...filters, status: query.status, sort }} canImport={false} />
      </Space>
      <Table<ProgressReport>
        size="small"
        rowKey="id"
        data-testid="report-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) {
            setSort(next);
            setPage(1);
          } else {
            setPage(pg.current ?? 1);
            setPageSize(pg.pageSize ?? 20);
          }
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
      <ReviewDrawer id={openId} onClose={() => open(null)} />
    </Card>
  );
}
