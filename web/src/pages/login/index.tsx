import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { errorText } from '../../app/errors';
import { isApiError } from '../../app/api';
import { LangSwitch } from '../../components/LangSwitch';
import { brand } from '../../app/theme';

interface LoginForm {
  username: string;
  password: string;
  otp?: string;
}

/** Only same-site paths may be the target after login. */
function safeRedirect(v: string | null): string {
  return v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login') ? v : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // shown once the server says this account has a second factor
  const [needOtp, setNeedOtp] = useState(false);

  const onFinish = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username, v.password, needOtp ? v.otp : undefined);
      navigate(user.mustChangePassword ? '/change-password' : safeRedirect(params.get('redirect')), { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'TOTP_REQUIRED') {
        setNeedOtp(true);
        setError(null);
        return;
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="st-login-bg">
      <div className="st-login-lang">
        <LangSwitch />
      </div>
      <Card style={{ width: 380, boxShadow: '0 12px 40px rgba(0,0,0,.25)' }}>
        <div className="st-login-title">
          <span className="st-brand-mark" style={{ width: 48, height: 48, fontSize: 22 }}>
            {brand.mark}
          </span>
          <h1>{t('app.title')}</h1>
          <div style={{ color: '#888' }}>{t('app.subtitle')}</div>
        </div>
        {error !== null && (
          <Alert type="error" showIcon message={errorText(t, error)} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('auth.login.username')} rules={[{ required: true, message: t('auth.login.usernameRequired') }]}>
            <Input id="username" prefix={<UserOutlined />} size="large" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.login.password')} rules={[{ required: true, message: t('auth.login.passwordRequired') }]}>
            <Input.Password id="password" prefix={<LockOutlined />} size="large" autoComplete="current-password" />
          </Form.Item>
          {needOtp && (
            <Form.Item name="otp" label={t('auth.totp.code')} extra={t('auth.totp.loginHint')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totp.codeFormat') }]}>
              <Input id="otp" prefix={<SafetyOutlined />} size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
