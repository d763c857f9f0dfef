import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../app/i18n';

/** One button that switches between 中文 and English (shows the other language). */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en-US' ? 'zh-CN' : 'en-US';
  return (
    <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" data-lang={i18n.language} onClick={() => setLanguage(next)}>
      {t('lang.switch')}
    </Button>
  );
}
