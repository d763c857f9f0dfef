import { useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/es/locale/zh_CN';
import en_US from 'antd/es/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';
import { theme } from './theme';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // client errors (4xx) will not go away by retrying
      retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

export function AppProviders({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? en_US : zh_CN;
  const validateMessages = useMemo(
    () => ({
      default: t('validation.default'),
      required: t('validation.required'),
      whitespace: t('validation.whitespace'),
      types: { email: t('validation.email') },
      string: { max: t('validation.max'), min: t('validation.min'), range: t('validation.range') },
      array: { min: t('validation.arrayMin') },
      pattern: { mismatch: t('validation.pattern') },
    }),
    [t],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={theme} componentSize="middle" form={{ validateMessages }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
