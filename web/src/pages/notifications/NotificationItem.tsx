import { Badge, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import i18n from 'i18next';
import type { Notification } from '@santong/contract';
import type { MessageKey } from '../../locales/zh-CN';

const kindColor: Record<string, string> = { 'report.submitted': 'blue', 'report.resubmitted': 'blue', 'report.returned': 'orange', 'report.approved': 'green' };

/** The localized name of a notification kind; unknown kinds (added by later features) show as such. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => {
    const key = `notify.kind.${kind}`;
    return i18n.exists(key) ? t(key as MessageKey) : t('notify.kind.other');
  };
}

/** One notification: kind, title, body, when; unread ones carry a dot. */
export function NotificationItem({ n, compact = false }: { n: Notification; compact?: boolean }) {
  const kindLabel = useKindLabel();
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid="notification-item">
      <Space size={6} align="start">
        <Badge status={n.readAt ? 'default' : 'processing'} />
        <Tag color={kindColor[n.kind]} style={{ marginInlineEnd: 0 }}>{kindLabel(n.kind)}</Tag>
        <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>{n.title}</Typography.Text>
      </Space>
      {n.body && (
        <Typography.Paragraph type="secondary" ellipsis={compact ? { rows: 2 } : false} style={{ margin: 0, paddingLeft: 14, whiteSpace: compact ? undefined : 'pre-wrap' }}>
          {n.body}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 14 }}>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
    </Space>
  );
}
