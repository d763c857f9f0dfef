import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportResult } from '@santong/contract';
import { api, isApiError, withQuery, type Query } from '../../../app/api';
import { useApiError } from '../../../app/errors';
import { ImportReportModal, type ImportReport } from '../../../components/ImportReportModal';

/** Import into the selected campaign (all-or-nothing, row-level report), export with the filters, template. */
export function TaskExcelActions({ campaignId, filters, canImport, onImported }: { campaignId?: string; filters: Query; canImport: boolean; onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [uploading, setUploading] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const res = await api.upload<ImportResult>(withQuery('/api/v1/tasks/import', { campaignId }), file, file.name);
      void message.success(t('import.done', { count: res?.created ?? 0 }));
      onImported();
    } catch (e) {
      if (isApiError(e) && e.code === 'IMPORT_INVALID') {
        const d = e.details ?? {};
        setReport({ importId: typeof d.importId === 'string' ? d.importId : undefined, errors: (d.errors as ImportIssue[] | undefined) ?? [] });
      } else onError(e);
    } finally {
      setUploading(false);
    }
  };
  const download = (path: string, name: string, query?: Query) => api.download(path, query, name).catch(onError);

  return (
    <>
      {canImport && (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="import-button">{t('import.button')}</Button>
        </Upload>
      )}
      <Button icon={<DownloadOutlined />} onClick={() => void download('/api/v1/tasks/export', 'tasks.xlsx', { ...filters, campaignId })} data-testid="export-button">
        {t('export.button')}
      </Button>
      {canImport && (
        <Button icon={<FileExcelOutlined />} onClick={() => void download('/api/v1/tasks/template', 'tasks-template.xlsx')} data-testid="template-button">
          {t('template.button')}
        </Button>
      )}
      <ImportReportModal report={report} onClose={() => setReport(null)} />
    </>
  );
}
