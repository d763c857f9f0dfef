import { Modal, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '@santong/contract';

export interface ImportReport {
  importId?: string;
  errors: ImportIssue[];
}

/** The row-level report of an import that wrote nothing. */
export function ImportReportModal({ report, onClose }: { report: ImportReport | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={!!report} title={t('import.reportTitle')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={720}>
      <Typography.Paragraph type="danger">{t('import.invalid')}</Typography.Paragraph>
      <div data-testid="import-report">
        <Table<ImportIssue & { key: number }>
          size="small"
          tableLayout="fixed"
          rowKey="key"
          dataSource={(report?.errors ?? []).map((e, i) => ({ ...e, key: i }))}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.column'), dataIndex: 'column', width: 140 },
            { title: t('import.reason'), dataIndex: 'reason' },
          ]}
        />
      </div>
      {report?.importId && (
        <a href={`/api/v1/imports/${report.importId}/report`} download data-testid="import-report-download">
          <DownloadOutlined /> {t('import.downloadReport')}
        </a>
      )}
    </Modal>
  );
}
