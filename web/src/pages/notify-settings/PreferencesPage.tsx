import { Alert, App, Button, Card, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreference } from '@santong/contract';
import type { MessageKey } from '../../locales/zh-CN';
import { useApiError } from '../../app/errors';
import { usePreferences, useSavePreferences } from './hooks';

/** My notification channels per kind (in-app is always on). */
export default function PreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data, isLoading } = usePreferences();
  const save = useSavePreferences();
  const [items, setItems] = useState<NotificationPreference[]>([]);
  useEffect(() => setItems(data?.items ?? []), [data]);
  const toggle = (kind: string, field: 'email' | 'webhook', on: boolean) => setItems((xs) => xs.map((x) => (x.kind === kind ? { ...x, [field]: on } : x)));

  return (
    <Card size="small" style={{ maxWidth: 720 }} title={t('menu.notifyPrefs')}>
      <Typography.Paragraph type="secondary">{t('notify.inApp')}</Typography.Paragraph>
      {data && (data.email ? <Typography.Paragraph>{t('notify.emailTo', { email: data.email })}</Typography.Paragraph> : <Alert type="warning" showIcon message={t('notify.noEmail')} style={{ marginBottom: 12 }} />)}
      <Table<NotificationPreference>
        rowKey="kind"
        size="small"
        loading={isLoading}
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('notify.kind'), dataIndex: 'kind', render: (k: string) => t(`notify.pref.kind.${k}` as MessageKey) },
          { title: t('notify.email'), dataIndex: 'email', width: 100, render: (v: boolean, r) => <Switch size="small" checked={v} onChange={(on) => toggle(r.kind, 'email', on)} data-testid={`pref-email-${r.kind}`} /> },
          { title: t('notify.webhook'), dataIndex: 'webhook', width: 100, render: (v: boolean, r) => <Switch size="small" checked={v} onChange={(on) => toggle(r.kind, 'webhook', on)} /> },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={save.isPending}
        data-testid="prefs-save"
        onClick={() => save.mutate({ items }, { onSuccess: () => void message.success(t('notify.saved')), onError: (e) => onError(e) })}
      >
        {t('common.save')}
      </Button>
    </Card>
  );
}
