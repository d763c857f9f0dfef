import { hasPermission, type SupervisionAbilities } from '@santong/contract';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/**
 * assess.supervision.write is held by the office and the working groups
 * (inspector): both record checks; assess.supervision.plan (the office) plans the month.
 */
export function abilitiesOf(ctx: Pick<RequestContext, 'roles'>): SupervisionAbilities {
  return { managePlans: hasPermission(ctx.roles, 'assess.supervision.plan'), recordChecks: hasPermission(ctx.roles, 'assess.supervision.write') };
}

export function requirePlanner(ctx: RequestContext) {
  if (!abilitiesOf(ctx).managePlans) throw new AppError('FORBIDDEN', 'only the office plans supervision');
}
