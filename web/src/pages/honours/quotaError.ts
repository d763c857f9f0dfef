import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HonourCategory } from '@santong/contract';
import { isApiError } from '../../app/api';
import { useApiError } from '../../app/errors';
import { honourLabel } from './labels';

/** API errors of the honours pages; a quota error names the category, its quota and how many already hold it. */
export function useHonourError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (isApiError(err) && err.code === 'HONOUR_QUOTA_EXCEEDED') {
        const d = err.details as { category: HonourCategory; quota: number; count: number; counted: 'nominations' | 'approvals' };
        const text = t('honour.quotaExceeded', { category: t(honourLabel.category(d.category)), quota: d.quota, count: d.count, counted: t(`honour.counted.${d.counted}`) });
        form?.setFields([{ name: 'category', errors: [text] }]);
        void message.error({ content: text, className: 'honour-quota-error' });
        return;
      }
      onError(err, { form });
    },
    [t, message, onError],
  );
}
