import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export default function StatusPage({ status }: { status: '403' | '404' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={status}
      subTitle={t(status === '403' ? 'page.forbidden' : 'page.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('page.backHome')}
        </Button>
      }
    />
  );
}
