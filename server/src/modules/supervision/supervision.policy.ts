import { hasPermission, type Role, type SupervisionAbilities } from '@santong/contract';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/**
 * assess.supervision.write is held by the office and the working groups
 * (inspector): both record checks, only the office plans the month.
 */
const planners: readonly Role[] = ['office', 'admin'];

export function abilitiesOf(ctx: Pick<RequestContext, 'roles'>): SupervisionAbilities {
  const write = hasPermission(ctx.roles, 'assess.supervision.write');
  return { managePlans: write && ctx.roles.some((r) => planners.includes(r)), recordChecks: write };
}

export function requirePlanner(ctx: RequestContext) {
  if (!abilitiesOf(ctx).managePlans) throw new AppError('FORBIDDEN', 'only the office plans supervision');
}
