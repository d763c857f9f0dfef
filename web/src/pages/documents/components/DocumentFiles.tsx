import { App, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useUploadFile } from '../hooks';
import { FileList } from './FileList';

/** The files of a saved document, with upload (the server sniffs the type and enforces the size). */
export function DocumentFiles({ document, writable }: { document: DocumentRecord; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const upload = useUploadFile();

  const sendFile = async (file: File) => {
    try {
      await upload.mutateAsync({ documentId: document.id, file });
      void message.success(t('document.uploaded', { name: file.name }));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <FileList files={document.files} writable={writable} />
      {writable && (
        <>
          <Upload
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              void sendFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="document-upload">
              {t('document.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('document.uploadHint')}</Typography.Text>
        </>
      )}
    </Space>
  );
}
