import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import i18n from 'i18next';
import type { MessageKey } from '../locales/zh-CN';
import { isApiError, type ApiError } from './api';

interface Issue {
  path?: string;
  message?: string;
}

/** The localized text of any error thrown by the api client. */
export function errorText(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return t('error.UNKNOWN');
  const d = err.details ?? {};
  if (err.code === 'INVALID_CREDENTIALS' && typeof d.remainingAttempts === 'number')
    return t('auth.login.remaining', { count: d.remainingAttempts });
  if (err.code === 'ACCOUNT_LOCKED') {
    if (typeof d.lockedUntil === 'string') return t('auth.login.lockedUntil', { time: dayjs(d.lockedUntil).format('YYYY-MM-DD HH:mm') });
    if (typeof d.lockoutMinutes === 'number') return t('auth.login.lockedMinutes', { minutes: d.lockoutMinutes });
  }
  if (err.code === 'NETWORK' || err.code === 'UNKNOWN') return t(`error.${err.code}`);
  if (i18n.exists(`error.${err.code}`)) return t(`error.${err.code}`);
  return err.message || t('error.UNKNOWN');
}

/** `details.issues` of a VALIDATION_FAILED (or other) error, as form field errors. */
export function fieldErrors(err: ApiError, t: TFunction): { name: (string | number)[]; errors: string[] }[] {
  const issues = (err.details?.issues ?? []) as Issue[];
  if (!Array.isArray(issues)) return [];
  const byField = new Map<string, string[]>();
  for (const i of issues) {
    if (!i?.path || !i.path.startsWith('body.')) continue;
    const field = i.path.slice('body.'.length);
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), t('validation.server', { message: i.message ?? '' })]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors,
  }));
}

export interface HandleOptions {
  /** Put `details.issues` on this form's fields. */
  form?: FormInstance;
  /** Replace the text for some codes with a page-specific message. */
  override?: Partial<Record<ApiError['code'], MessageKey>>;
}

/** Shows an API error as an antd message (and on form fields when given a form). */
export function useApiError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, opts: HandleOptions = {}) => {
      if (isApiError(err) && opts.form) {
        const fields = fieldErrors(err, t);
        if (fields.length) opts.form.setFields(fields);
      }
      const key = isApiError(err) ? opts.override?.[err.code] : undefined;
      void message.error(key ? t(key) : errorText(t, err));
    },
    [t, message],
  );
}
