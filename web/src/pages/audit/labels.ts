import i18n from 'i18next';
import type { TFunction } from 'i18next';

/** Audit actions and entities the catalogue names; others show their code. */
export const knownActions = ['create', 'update', 'delete', 'import', 'login', 'login_failed', 'login_refused_locked', 'logout', 'password_change', 'reset_password', 'unlock', 'seed'] as const;
export const knownEntities = ['auth', 'unit', 'person', 'position', 'leader_duty', 'user', 'tenant'] as const;

export function actionLabel(t: TFunction, a: string): string {
  const key = `audit.action.${a}`;
  return i18n.exists(key) ? t(key as `audit.action.${(typeof knownActions)[number]}`) : a;
}

export function entityLabel(t: TFunction, e: string): string {
  const key = `audit.entity.${e}`;
  return i18n.exists(key) ? t(key as `audit.entity.${(typeof knownEntities)[number]}`) : e;
}
