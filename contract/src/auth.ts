import { z } from 'zod';
import { roles } from './permissions.js';

export const role = z.enum(roles);

export const loginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    tenant: z.string().trim().min(1).max(64).optional(),
    /** the 6-digit code of the authenticator app, required once TOTP is enabled */
    otp: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();

/** Second factor (TOTP, RFC 6238): set up, confirm with a code, disable with password and code. */
export const totpStatus = z.object({ enabled: z.boolean(), enabledAt: z.string().nullable() });
export const totpSetupResponse = z.object({ secret: z.string(), uri: z.string() });
export const totpCodeBody = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();
export const totpDisableBody = z.object({ password: z.string().min(1).max(256), code: z.string().regex(/^\d{6}$/) }).strict();

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  tenantId: z.uuid(),
  tenantName: z.string(),
  personId: z.uuid().nullable(),
  mustChangePassword: z.boolean(),
  /** Set when the change is required because the password is older than the tenant's maximum age. */
  passwordExpired: z.boolean().optional(),
  totpEnabled: z.boolean().optional(),
  permissions: z.array(z.string()),
  scope: z.object({ kind: z.enum(['all', 'duty', 'unit', 'self']), unitIds: z.array(z.uuid()) }),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const meResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type MeResponse = z.infer<typeof meResponse>;

/** At least 8 characters from at least 3 of: lower, upper, digit, symbol. */
export function passwordProblems(pw: string): string | null {
  if (pw.length < 8) return 'too_short';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(pw)).length;
  return classes >= 3 ? null : 'too_simple';
}

export const newPassword = z
  .string()
  .max(256)
  .superRefine((pw, ctx) => {
    const p = passwordProblems(pw);
    if (p) ctx.addIssue({ code: 'custom', message: p === 'too_short' ? 'at least 8 characters' : 'use at least 3 of: lower case, upper case, digits, symbols' });
  });

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword })
  .strict();
