/**
 * What the bench measures. Each feature that lands adds one entry to
 * `endpoints` (HTTP under load, plus raw-SQL overhead for reads) or `exports`;
 * an entry whose route is not in /api/v1/openapi.json is skipped with a note.
 */

import { STORY_TODAY } from './gen/generate.js';

/**
 * Values the URLs need, each looked up once per engine with one query
 * ($1 = tenant id; every query must use it) returning one column named id.
 */
export const refQueries = {
  taskId: `select id from tasks where tenant_id = $1 and parent_id is not null order by sort_order limit 1 offset 10`,
  campaignId: `select id from campaigns where tenant_id = $1 and status = 'active' order by start_date desc limit 1`,
  unitId: `select id from units where tenant_id = $1 and kind = 'college' order by sort_order limit 1`,
  personId: `select id from people where tenant_id = $1 order by staff_no limit 1 offset 10`,
  /** a task in progress the bench liaison may report on (owned by the liaison's unit) */
  liaisonTaskId: `select t.id from tasks t join users u on u.tenant_id = t.tenant_id and u.username = 'liaison' join people p on p.id = u.person_id
    where t.tenant_id = $1 and t.status = 'in_progress' and t.owner_unit_id = p.unit_id order by t.sort_order limit 1`,
  /** the ISO week (YYYY-Www) of the generated story's "today": the week the dispatch sheet is for */
  isoWeek: `select to_char(date '${STORY_TODAY}', 'IYYY-"W"IW') as id from tenants where id = $1`,
  /** last year's closed assessment (bench/gen/assess.ts), the input of the computation measure */
  closedSchemeId: `select id from assessment_schemes where tenant_id = $1 and status = 'closed' order by year desc limit 1`,
} as const;
export type Refs = { tenantCode: string; tenantId: string } & Partial<Record<keyof typeof refQueries, string>>;

export interface EndpointSpec {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** the route as OpenAPI names it; the entry is skipped when the server does not have it */
  route: string;
  url: (refs: Refs) => string;
  body?: (refs: Refs) => unknown;
  /** who calls it: a bench username; null for public routes */
  as: string | null;
  /** read endpoints also get the raw-SQL overhead ratio */
  kind: 'read' | 'write';
}

export const endpoints: EndpointSpec[] = [
  { name: 'healthz', method: 'GET', route: '/healthz', url: () => '/healthz', as: null, kind: 'read' },
  {
    name: 'login', method: 'POST', route: '/api/v1/auth/login', url: () => '/api/v1/auth/login', as: null, kind: 'write',
    body: (r) => ({ username: 'member', password: 'Bench@2026', tenant: r.tenantCode }),
  },
  {
    name: 'task list', method: 'GET', route: '/api/v1/tasks', as: 'office', kind: 'read',
    url: (r) => `/api/v1/tasks?campaignId=${r.campaignId}&status=in_progress,planned&sort=dueDate&page=3&pageSize=20`,
  },
  { name: 'task detail', method: 'GET', route: '/api/v1/tasks/{id}', as: 'office', kind: 'read', url: (r) => `/api/v1/tasks/${r.taskId}` },
  { name: 'people list', method: 'GET', route: '/api/v1/people', as: 'office', kind: 'read', url: (r) => `/api/v1/people?unitId=${r.unitId}&subtree=true&sort=name&page=1&pageSize=20` },
  { name: 'units list', method: 'GET', route: '/api/v1/units', as: 'office', kind: 'read', url: () => '/api/v1/units' },
  {
    name: 'progress report list', method: 'GET', route: '/api/v1/progress-reports', as: 'office', kind: 'read',
    url: (r) => `/api/v1/progress-reports?campaignId=${r.campaignId}&status=submitted&page=2&pageSize=20`,
  },
  {
    name: 'progress report submit', method: 'POST', route: '/api/v1/progress-reports', as: 'liaison', kind: 'write',
    url: () => '/api/v1/progress-reports',
    body: (r) => ({ taskId: r.liaisonTaskId, progress: 60, doneText: '完成阶段性工作，形成佐证材料', nextSteps: '按计划推进' }),
  },
  { name: 'outcome list', method: 'GET', route: '/api/v1/outcomes', as: 'office', kind: 'read', url: () => '/api/v1/outcomes?level=provincial&sort=-publishedOn&page=1&pageSize=20' },
  // 驾驶舱 for the active campaign (its dates are the period), whole school
  { name: 'cockpit', method: 'GET', route: '/api/v1/cockpit', as: 'office', kind: 'read', url: (r) => `/api/v1/cockpit?campaignId=${r.campaignId}` },
  // the header search: a four-character term that ~1 task in 15 carries (hits in tasks and outcomes), 5 per kind
  { name: 'search', method: 'GET', route: '/api/v1/search', as: 'office', kind: 'read', url: () => `/api/v1/search?q=${encodeURIComponent('产教融合')}` },
  // 每周一调度: the live sheet of the story's week for the active campaign
  { name: 'weekly dispatch sheet', method: 'GET', route: '/api/v1/dispatch/sheet', as: 'office', kind: 'read', url: (r) => `/api/v1/dispatch/sheet?campaignId=${r.campaignId}&week=${r.isoWeek}` },
];

export interface ExportSpec {
  name: string;
  route: string;
  url: (refs: Refs) => string;
  as: string;
  /** how many rows the export holds ($1 = tenant id) */
  countSql: string;
}

export const exports: ExportSpec[] = [
  { name: 'people .xlsx', route: '/api/v1/people/export', url: () => '/api/v1/people/export', as: 'office', countSql: 'select count(*)::int as n from people where tenant_id = $1' },
  { name: 'tasks .xlsx', route: '/api/v1/tasks/export', url: () => '/api/v1/tasks/export', as: 'office', countSql: 'select count(*)::int as n from tasks where tenant_id = $1' },
  { name: 'outcomes .xlsx', route: '/api/v1/outcomes/export', url: () => '/api/v1/outcomes/export', as: 'office', countSql: 'select count(*)::int as n from outcomes where tenant_id = $1' },
];
