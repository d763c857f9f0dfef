import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportResult } from '@santong/contract';
import { api, isApiError, type Query } from '../app/api';
import { useApiError } from '../app/errors';
import { ImportReportModal, type ImportReport } from './ImportReportModal';

interface Props {
  /** e.g. /api/v1/units: uses {base}/import, {base}/export, {base}/template */
  base: string;
  /** the list's current filters, sent with the export */
  filters?: Query;
  canImport: boolean;
  onImported?: () => void;
  fileStem: string;
}

/** Import (.xlsx with a row-level error report), export with the current filters, template. */
export function ExcelActions({ base, filters, canImport, onImported, fileStem }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [uploading, setUploading] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  // bytes received of a running export (null: none running); big exports stream for seconds
  const [exported, setExported] = useState<number | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    const hide = message.loading(t('import.running', { name: file.name }), 0);
    try {
      const res = await api.upload<ImportResult>(`${base}/import`, file, file.name);
      if (res?.status === 'failed') setReport({ importId: res.importId, errors: res.errors });
      else {
        void message.success(t('import.done', { count: res?.created ?? 0 }));
        onImported?.();
      }
    } catch (e) {
      if (isApiError(e) && e.code === 'IMPORT_INVALID') {
        const d = e.details ?? {};
        setReport({ importId: typeof d.importId === 'string' ? d.importId : undefined, errors: (d.errors as ImportIssue[] | undefined) ?? [] });
      } else onError(e);
    } finally {
      hide();
      setUploading(false);
    }
  };

  const download = (path: string, name: string, query?: Query) => api.download(path, query, name).catch(onError);
  const exportList = async () => {
    setExported(0);
    try {
      await api.download(`${base}/export`, filters, `${fileStem}.xlsx`, setExported);
    } catch (e) {
      onError(e);
    } finally {
      setExported(null);
    }
  };

  return (
    <>
      {canImport && (
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="import-button">
            {t('import.button')}
          </Button>
        </Upload>
      )}
      <Button icon={<DownloadOutlined />} loading={exported !== null} onClick={() => void exportList()} data-testid="export-button">
        {exported === null ? t('export.button') : t('export.running', { size: (exported / 1048576).toFixed(1) })}
      </Button>
      {canImport && (
        <Button icon={<FileExcelOutlined />} onClick={() => void download(`${base}/template`, `${fileStem}-template.xlsx`)} data-testid="template-button">
          {t('template.button')}
        </Button>
      )}
      <ImportReportModal report={report} onClose={() => setReport(null)} />
    </>
  );
}
