import { useState } from 'react';
import { Badge, Button, Empty, Grid, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '@santong/contract';
import { useApiError } from '../../app/errors';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './hooks';
import { NotificationItem } from './NotificationItem';

/** Opens a notification: marks it read and goes to what it is about. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const onError = useApiError();
  return (n: Notification) => {
    if (!n.readAt) markRead.mutate(n, { onError: (e) => onError(e) });
    if (n.link) navigate(n.link);
  };
}

/** The header bell: unread count (polled), the latest notifications, mark all read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onError = useApiError();
  const [open, setOpen] = useState(false);
  const { data: unread } = useUnreadCount();
  const { data, isFetching } = useNotifications({ page: 1, pageSize: 8 }, { enabled: open });
  const readAll = useMarkAllRead();
  const openOne = useOpenNotification();
  const count = unread?.count ?? 0;
  // A phone has no room for a dropdown: the bell opens the notifications page.
  const phone = Grid.useBreakpoint().md === false;

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="notification-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 4 }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button type="link" size="small" disabled={!count} loading={readAll.isPending} onClick={() => readAll.mutate(undefined, { onError: (e) => onError(e) })} data-testid="notification-read-all">
          {t('notify.readAll')}
        </Button>
      </Space>
      {data?.items.length ? (
        <List
          size="small"
          loading={isFetching && !data}
          dataSource={data.items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 4 }}
              onClick={() => {
                setOpen(false);
                openOne(n);
              }}
            >
              <NotificationItem n={n} compact />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      )}
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
        data-testid="notification-all"
      >
        {t('notify.viewAll')}
      </Button>
    </div>
  );

  const bell = (
    <Badge count={count} size="small" overflowCount={99} offset={[-2, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />}
        aria-label={t('notify.title')}
        onClick={phone ? () => navigate('/notifications') : undefined}
        data-testid="notification-bell"
      />
    </Badge>
  );
  if (phone) return bell;
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      {bell}
    </Popover>
  );
}
