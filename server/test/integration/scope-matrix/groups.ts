import type { ScopeCases, ScopeCtx } from './harness.js';
import { planDeployCases } from './plan-deploy.cases.js';
import { planActivityCases } from './plan-activities.cases.js';
import { planTaskCases } from './plan-tasks.cases.js';
import { outcomeCases } from './execute-outcomes.cases.js';
import { reportCases } from './execute-reports.cases.js';
import { recordCases } from './execute-records.cases.js';
import { honourCases } from './execute-honours.cases.js';
import { innovationCases } from './execute-innovation.cases.js';
import { assessConfigCases } from './assess-config.cases.js';
import { assessResultCases } from './assess-results.cases.js';
import { assessDispatchCases } from './assess-dispatch.cases.js';
import { assessSupervisionCases, supervisionPlanningCases } from './assess-supervision.cases.js';

/**
 * The case files, by menu group. Each group runs as one test file
 * (permissions-scope-<group>.test.ts) so the groups run in parallel; the
 * coverage test checks that together they cover every declared route.
 */
export const scopeGroups: Record<'plan' | 'execute' | 'assess', (c: ScopeCtx) => ScopeCases> = {
  plan: (c) => ({ ...planDeployCases(c), ...planActivityCases(c), ...planTaskCases(c) }),
  execute: (c) => ({ ...outcomeCases(c), ...reportCases(c), ...recordCases(c), ...honourCases(c), ...innovationCases(c) }),
  assess: (c) => ({ ...assessConfigCases(c), ...assessResultCases(c), ...assessDispatchCases(c), ...assessSupervisionCases(c), ...supervisionPlanningCases(c) }),
};
