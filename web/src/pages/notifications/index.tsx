import { Button, Card, List, Segmented, Space } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/errors';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './hooks';
import { NotificationItem } from './NotificationItem';
import { useOpenNotification } from './NotificationBell';

/** All my notifications, newest first, with an unread filter; phone-friendly (one column). */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const onError = useApiError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const { data, isFetching } = useNotifications({ page, pageSize: 20, unread: unreadOnly ? 'true' : undefined }, { poll: true });
  const { data: unread } = useUnreadCount();
  const markRead = useMarkRead();
  const readAll = useMarkAllRead();
  const openOne = useOpenNotification();

  return (
    <Card size="small" style={{ maxWidth: 860 }}>
      <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'unread', label: `${t('notify.unread')} (${unread?.count ?? 0})` },
          ]}
          data-testid="notification-filter"
        />
        <Button icon={<CheckOutlined />} disabled={!unread?.count} loading={readAll.isPending} onClick={() => readAll.mutate(undefined, { onError: (e) => onError(e) })}>
          {t('notify.readAll')}
        </Button>
      </Space>
      <List
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('notify.empty') }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, simple: true, align: 'center' }}
        data-testid="notification-list"
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : undefined, paddingInline: 4 }}
            onClick={() => openOne(n)}
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="read"
                      size="small"
                      type="link"
                      onClick={(e) => {
                        e.stopPropagation();
                        markRead.mutate(n, { onError: (err) => onError(err) });
                      }}
                    >
                      {t('notify.markRead')}
                    </Button>,
                  ]
            }
          >
            <NotificationItem n={n} />
          </List.Item>
        )}
      />
    </Card>
  );
}
