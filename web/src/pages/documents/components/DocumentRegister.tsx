import { useState } from 'react';
import { Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { ExcelActions } from '../../../components/ExcelActions';
import { useDocuments, type DocumentFilters } from '../hooks';
import { documentKindColor, documentKindLabel } from '../labels';
import { DocumentFilterBar } from './DocumentFilterBar';
import { DocumentFormDrawer } from './DocumentFormDrawer';
import { FileList } from './FileList';

/** The document register: filters, export, table with files, drawer to register/edit/upload. */
export function DocumentRegister({ campaignId }: { campaignId?: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useState<DocumentFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<{ id: string | null } | null>(null);
  const query = { ...filters, ...(campaignId ? { campaignId } : {}) };
  const { data, isFetching } = useDocuments({ ...query, page, pageSize, sort });
  const writable = can('plan.document.write');
  const order = (field: string) => (sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null);

  return (
    <>
      <DocumentFilterBar
        fixedCampaign={!!campaignId}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null })} data-testid="document-new">
            {t('document.new')}
          </Button>
        )}
        <ExcelActions base="/api/v1/documents" fileStem="documents" filters={{ ...query, sort }} canImport={false} />
      </Space>
      <Table<DocumentRecord>
        size="middle"
        rowKey="id"
        data-testid="document-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(d) => ({ onClick: () => setDrawer({ id: d.id }), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined);
        }}
        columns={[
          { title: t('document.kind'), dataIndex: 'kind', key: 'kind', width: 80, render: (k: DocumentRecord['kind']) => <Tag color={documentKindColor[k]}>{t(documentKindLabel(k))}</Tag> },
          { title: t('document.title'), dataIndex: 'title', key: 'title', sorter: true, sortOrder: order('title') },
          { title: t('document.docNo'), dataIndex: 'docNo', key: 'docNo', width: 215, sorter: true, sortOrder: order('docNo'), render: (v: string | null) => v ?? '—' },
          { title: t('document.issuingUnit'), dataIndex: 'issuingUnitName', key: 'issuingUnitName', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('document.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', width: 110, sorter: true, sortOrder: order('issuedOn'), render: (v: string | null) => v ?? '—' },
          ...(campaignId ? [] : [{ title: t('document.campaign'), dataIndex: 'campaignTitle', key: 'campaignTitle', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' }]),
          { title: t('document.files'), dataIndex: 'files', key: 'files', width: 150, render: (files: DocumentRecord['files']) => <FileList files={files} compact /> },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => {
            setPage(p);
            setPageSize(ps);
          },
        }}
      />
      <DocumentFormDrawer
        open={!!drawer}
        editingId={drawer?.id ?? null}
        writable={writable}
        defaultCampaignId={campaignId}
        onClose={() => setDrawer(null)}
        onCreated={(id) => setDrawer({ id })}
      />
    </>
  );
}
