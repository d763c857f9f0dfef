import { useState } from 'react';
import { App, Button, Card, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useApiError } from '../../app/errors';

interface TotpStatus {
  enabled: boolean;
  enabledAt: string | null;
}

const codeRule = (message: string) => ({ required: true, pattern: /^\d{6}$/, message });

/** The signed-in user's second factor: set up with a QR code and a first code; off with password + code. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['totp'], queryFn: () => api.get<TotpStatus>('/api/v1/auth/totp') });
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [enableForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string; code: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['totp'] });

  const start = async () => {
    try {
      setSetup(await api.post<{ secret: string; uri: string }>('/api/v1/auth/totp/setup', {}));
    } catch (e) {
      onError(e);
    }
  };
  const enable = async (v: { code: string }) => {
    try {
      await api.post('/api/v1/auth/totp/enable', v);
      setSetup(null);
      void message.success(t('auth.totp.enabledDone'));
      await refresh();
    } catch (e) {
      onError(e, { form: enableForm });
    }
  };
  const disable = async (v: { password: string; code: string }) => {
    try {
      await api.post('/api/v1/auth/totp/disable', v);
      disableForm.resetFields();
      void message.success(t('auth.totp.disabledDone'));
      await refresh();
    } catch (e) {
      onError(e, { form: disableForm });
    }
  };

  const s = status.data;
  return (
    <Card title={t('auth.totp.title')} loading={status.isLoading} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('auth.totp.intro')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="totp-status">
        {s?.enabled ? <Tag color="green">{t('auth.totp.enabledSince', { time: new Date(s.enabledAt!).toLocaleString() })}</Tag> : <Tag>{t('auth.totp.disabled')}</Tag>}
      </Typography.Paragraph>
      {s && !s.enabled && !setup && (
        <Button type="primary" onClick={start} data-testid="totp-start">
          {t('auth.totp.start')}
        </Button>
      )}
      {setup && (
        <Space direction="vertical" size="middle">
          <Typography.Text>{t('auth.totp.scan')}</Typography.Text>
          <QRCode value={setup.uri} size={180} />
          <Typography.Text code copyable data-testid="totp-secret">
            {setup.secret}
          </Typography.Text>
          <Form form={enableForm} layout="inline" onFinish={enable}>
            <Form.Item name="code" label={t('auth.totp.confirm')} rules={[codeRule(t('auth.totp.codeFormat'))]}>
              <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ width: 120 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('auth.totp.enable')}
            </Button>
          </Form>
        </Space>
      )}
      {s?.enabled && (
        <Form form={disableForm} layout="vertical" onFinish={disable} style={{ maxWidth: 320 }}>
          <Typography.Paragraph type="secondary">{t('auth.totp.disableHint')}</Typography.Paragraph>
          <Form.Item name="password" label={t('auth.password.current')} rules={[{ required: true, message: t('auth.login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="code" label={t('auth.totp.code')} rules={[codeRule(t('auth.totp.codeFormat'))]}>
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <Button danger htmlType="submit">
            {t('auth.totp.disable')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
