import type { Role } from '@santong/contract';
import type { Scope } from '../access/scope.js';

/** Who is asking, resolved once per request by the auth hook. */
export interface RequestContext {
  tenantId: string;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
  scope: Scope;
  ip: string;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  /** The password is older than the tenant allows (mustChangePassword is then set too). */
  passwordExpired?: boolean;
}

/** The part of a context that writes need for audit; jobs and the seeder build one without a session. */
export type Actor = Pick<RequestContext, 'tenantId' | 'userId' | 'displayName' | 'ip'>;

export const systemActor = (tenantId: string): Actor => ({ tenantId, userId: '', displayName: 'system', ip: '' });
