import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import { passwordProblems } from '@santong/contract';

/** The contract's password policy as a form rule. */
export const passwordRule = (t: TFunction): Rule => ({
  validator: (_, v: string | undefined) => {
    const p = v ? passwordProblems(v) : null;
    return p ? Promise.reject(new Error(t(p === 'too_short' ? 'auth.password.tooShort' : 'auth.password.tooSimple'))) : Promise.resolve();
  },
});
