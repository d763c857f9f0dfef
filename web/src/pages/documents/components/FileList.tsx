import { Button, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useRemoveFile } from '../hooks';
import { fileSize } from '../labels';

const extension = (name: string) => (/\.([A-Za-z0-9]{1,6})$/.exec(name)?.[1] ?? 'file').toUpperCase();

/** A document's files as download links; removable when writable. */
export function FileList({ files, writable = false, compact = false }: { files: Attachment[]; writable?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const remove = useRemoveFile();
  if (files.length === 0) return <Typography.Text type="secondary">{compact ? '—' : t('document.noFiles')}</Typography.Text>;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {files.map((f) => (
        <Space key={f.id} size={6} style={{ maxWidth: '100%' }}>
          <FileTextOutlined style={{ color: '#c62828' }} />
          <a href={f.url} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()} title={f.name} data-testid="document-file" style={{ wordBreak: 'break-all' }}>
            {compact ? extension(f.name) : f.name}
          </a>
          <Typography.Text type="secondary">{fileSize(f.size)}</Typography.Text>
          {writable && (
            <Popconfirm title={t('document.removeFileConfirm')} onConfirm={() => remove.mutateAsync(f).catch(onError)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ))}
    </Space>
  );
}
