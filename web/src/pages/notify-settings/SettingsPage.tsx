import { App, Button, Card, Checkbox, Divider, Form, Input, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationKinds, type NotificationSettingsUpdate } from '@santong/contract';
import type { MessageKey } from '../../locales/zh-CN';
import { useApiError } from '../../app/errors';
import { useNotifySettings, useSaveNotifySettings } from './hooks';

interface FormValues {
  dingtalkEnabled: boolean;
  dingtalkUrl?: string;
  dingtalkSecret?: string;
  clearSecret?: boolean;
  wecomEnabled: boolean;
  wecomUrl?: string;
  webhookKinds: string[];
}

/** The tenant's DingTalk / WeCom group robots (office and admin); the secret is write-only. */
export default function NotifySettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const { data } = useNotifySettings();
  const save = useSaveNotifySettings();
  useEffect(() => {
    if (data)
      form.setFieldsValue({
        dingtalkEnabled: data.dingtalk.enabled, dingtalkUrl: data.dingtalk.url ?? undefined, dingtalkSecret: undefined, clearSecret: false,
        wecomEnabled: data.wecom.enabled, wecomUrl: data.wecom.url ?? undefined, webhookKinds: data.webhookKinds,
      });
  }, [data, form]);

  const submit = (v: FormValues) => {
    const body: NotificationSettingsUpdate = {
      dingtalk: { enabled: v.dingtalkEnabled, url: v.dingtalkUrl?.trim() || null, secret: v.clearSecret ? '' : v.dingtalkSecret?.trim() || undefined },
      wecom: { enabled: v.wecomEnabled, url: v.wecomUrl?.trim() || null },
      webhookKinds: v.webhookKinds as NotificationSettingsUpdate['webhookKinds'],
    };
    save.mutate(body, { onSuccess: () => void message.success(t('notify.saved')), onError: (e) => onError(e, { form }) });
  };

  return (
    <Card size="small" style={{ maxWidth: 720 }} title={t('menu.admin.notifySettings')}>
      <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
        <Divider orientation="left">{t('notify.settings.dingtalk')}</Divider>
        <Form.Item name="dingtalkEnabled" label={t('notify.settings.enabled')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="dingtalkUrl" label={t('notify.settings.url')}><Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" /></Form.Item>
        <Form.Item name="dingtalkSecret" label={t('notify.settings.secret')} extra={data?.dingtalk.secretSet ? t('notify.settings.secretKeep', { mask: data.dingtalk.secretMasked }) : undefined}>
          <Input.Password autoComplete="new-password" placeholder="SEC…" />
        </Form.Item>
        {data?.dingtalk.secretSet && <Form.Item name="clearSecret" valuePropName="checked"><Checkbox>{t('notify.settings.secretClear')}</Checkbox></Form.Item>}
        <Divider orientation="left">{t('notify.settings.wecom')}</Divider>
        <Form.Item name="wecomEnabled" label={t('notify.settings.enabled')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="wecomUrl" label={t('notify.settings.url')}><Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" /></Form.Item>
        <Divider />
        <Form.Item name="webhookKinds" label={t('notify.settings.kinds')} extra={t('notify.settings.kindsHint')}>
          <Checkbox.Group options={notificationKinds.map((k) => ({ value: k, label: t(`notify.pref.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('notify.settings.smtpHint')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
