import { Space, Typography } from 'antd';
import { FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@santong/contract';

const icon = (mime: string) => (mime.startsWith('image/') ? <FileImageOutlined /> : mime === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />);
const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Evidence files of a report, each a download link (the session cookie authorises it). */
export function EvidenceList({ files, compact = false }: { files: Attachment[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (!files.length) return <Typography.Text type="secondary">{t('report.evidence.none')}</Typography.Text>;
  return (
    <Space direction={compact ? 'horizontal' : 'vertical'} size={compact ? 8 : 2} wrap data-testid="report-evidence">
      {files.map((f) => (
        <a key={f.id} href={f.url} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
          {icon(f.mime)} {f.name}
          {!compact && <Typography.Text type="secondary"> ({size(f.size)})</Typography.Text>}
        </a>
      ))}
    </Space>
  );
}
