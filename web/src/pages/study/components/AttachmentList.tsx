import { App, Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/errors';
import { useAttachments, useDeleteAttachment, useUploadAttachment } from '../hooks';

interface Props {
  entity: string;
  entityId: string | undefined;
  writable: boolean;
  purpose?: string;
  /** shown when the record is not saved yet */
  saveFirstText: string;
}

const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Files of one record: download links, upload and removal for those who may edit it. */
export function AttachmentList({ entity, entityId, writable, purpose, saveFirstText }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const files = useAttachments(entity, entityId);
  const upload = useUploadAttachment(entity, entityId, purpose);
  const remove = useDeleteAttachment(entity, entityId);
  if (!entityId) return <Typography.Text type="secondary">{saveFirstText}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {writable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutateAsync(file).then(() => message.success(t('study.attachment.uploaded')), (e) => onError(e));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid={`${entity}-upload`}>
            {t('study.attachment.upload')}
          </Button>
        </Upload>
      )}
      <List
        size="small"
        loading={files.isLoading}
        locale={{ emptyText: t('study.attachment.none') }}
        dataSource={files.data?.items ?? []}
        renderItem={(a) => (
          <List.Item
            actions={
              writable
                ? [
                    <Popconfirm key="del" title={t('study.attachment.deleteConfirm')} onConfirm={() => remove.mutateAsync(a).catch(onError)}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space>
              <PaperClipOutlined />
              <a href={a.url} target="_blank" rel="noreferrer">
                {a.name}
              </a>
              <Typography.Text type="secondary">{size(a.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
