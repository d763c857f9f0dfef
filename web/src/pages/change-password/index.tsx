import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '@santong/contract';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { LangSwitch } from '../../components/LangSwitch';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user, clear, logout } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: PasswordForm) => {
    setBusy(true);
    try {
      await api.post('/api/v1/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      // the server ends every session of the user: sign in again
      void message.success(t('auth.password.done'));
      clear();
      navigate('/login', { replace: true });
    } catch (e) {
      onError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="st-login-bg">
      <div className="st-login-lang">
        <LangSwitch />
      </div>
      <Card title={t('auth.password.title')} style={{ width: 420 }}>
        {user?.mustChangePassword && <Alert type="warning" showIcon message={t('auth.password.forced')} style={{ marginBottom: 16 }} />}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('auth.password.current')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password id="currentPassword" autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.password.new')}
            extra={t('auth.password.hint')}
            rules={[
              { required: true, message: t('common.required') },
              {
                validator: (_, v: string | undefined) => {
                  const p = v ? passwordProblems(v) : null;
                  if (!p) return Promise.resolve();
                  return Promise.reject(new Error(t(p === 'too_short' ? 'auth.password.tooShort' : 'auth.password.tooSimple')));
                },
              },
            ]}
          >
            <Input.Password id="newPassword" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.password.mismatch'))),
              }),
            ]}
          >
            <Input.Password id="confirm" autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            {user?.mustChangePassword ? (
              <Button onClick={() => void logout()}>{t('user.menu.logout')}</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
              {t('auth.password.submit')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
