import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, SettingOutlined, TeamOutlined, UserOutlined, ClusterOutlined } from '@ant-design/icons';
import { AimOutlined, DeploymentUnitOutlined, FileTextOutlined, OrderedListOutlined, ProjectOutlined } from '@ant-design/icons';
import { ExperimentOutlined, ReadOutlined, SoundOutlined } from '@ant-design/icons';
import { AuditOutlined as ReviewOutlined, BellOutlined, CheckSquareOutlined, FormOutlined } from '@ant-design/icons';
import { BarChartOutlined, BookOutlined, FileSyncOutlined, TrophyOutlined } from '@ant-design/icons';
import { matchPath } from 'react-router-dom';
import type { Permission } from '@santong/contract';
import type { MessageKey } from '../locales/zh-CN';

/**
 * The route table: every page declares the permission it needs (`access`, a
 * name from the contract's `permissions`) and its menu/breadcrumb name key.
 * The menu, the breadcrumb and the guards all read this one table.
 */
export interface AppRoute {
  path: string;
  /** i18n key of the menu item and breadcrumb */
  name: MessageKey;
  /** permission required; absent = any signed-in user */
  access?: Permission;
  icon?: ReactNode;
  component?: LazyExoticComponent<ComponentType>;
  children?: AppRoute[];
  hideInMenu?: boolean;
}

export const appRoutes: AppRoute[] = [
  { path: '/', name: 'menu.home', icon: <HomeOutlined />, component: lazy(() => import('../pages/home')) },
  {
    path: '/org',
    name: 'menu.org',
    icon: <ApartmentOutlined />,
    children: [
      { path: '/org/units', name: 'menu.org.units', access: 'org.unit.read', icon: <ClusterOutlined />, component: lazy(() => import('../pages/org')) },
      { path: '/org/people', name: 'menu.org.people', access: 'org.person.read', icon: <TeamOutlined />, component: lazy(() => import('../pages/people')) },
    ],
  },
  {
    path: '/plan',
    name: 'menu.plan',
    icon: <DeploymentUnitOutlined />,
    children: [
      { path: '/plan/campaigns', name: 'menu.plan.campaigns', access: 'plan.campaign.read', icon: <ProjectOutlined />, component: lazy(() => import('../pages/campaigns')) },
      { path: '/plan/campaigns/:id', name: 'menu.plan.campaignDetail', access: 'plan.campaign.read', hideInMenu: true, component: lazy(() => import('../pages/campaigns/detail')) },
      { path: '/plan/documents', name: 'menu.plan.documents', access: 'plan.document.read', icon: <FileTextOutlined />, component: lazy(() => import('../pages/documents')) },
      { path: '/plan/goals', name: 'menu.plan.goals', access: 'plan.goal.read', icon: <AimOutlined />, component: lazy(() => import('../pages/goals')) },
      { path: '/plan/tasks', name: 'menu.plan.tasks', access: 'plan.task.read', icon: <OrderedListOutlined />, component: lazy(() => import('../pages/tasks')) },
      { path: '/plan/study', name: 'menu.plan.study', access: 'plan.study.read', icon: <ReadOutlined />, component: lazy(() => import('../pages/study')) },
      { path: '/plan/research', name: 'menu.plan.research', access: 'plan.research.read', icon: <ExperimentOutlined />, component: lazy(() => import('../pages/research')) },
      { path: '/plan/research/:id', name: 'menu.plan.researchDetail', access: 'plan.research.read', hideInMenu: true, component: lazy(() => import('../pages/research/TopicPage')) },
      { path: '/plan/lectures', name: 'menu.plan.lectures', access: 'plan.lecture.read', icon: <SoundOutlined />, component: lazy(() => import('../pages/lectures')) },
    ],
  },
  {
    path: '/execute',
    name: 'menu.execute',
    icon: <CheckSquareOutlined />,
    children: [
      { path: '/execute/my-tasks', name: 'menu.execute.myTasks', access: 'execute.report.write', icon: <FormOutlined />, component: lazy(() => import('../pages/reports/MyTasks')) },
      { path: '/execute/report-review', name: 'menu.execute.reports', access: 'execute.report.read', icon: <ReviewOutlined />, component: lazy(() => import('../pages/reports')) },
      { path: '/execute/outcomes', name: 'menu.execute.outcomes', access: 'execute.outcome.read', icon: <TrophyOutlined />, component: lazy(() => import('../pages/outcomes')) },
      { path: '/execute/outcome-stats', name: 'menu.execute.outcomeStats', access: 'execute.outcome.read', icon: <BarChartOutlined />, component: lazy(() => import('../pages/outcomes/StatsPage')) },
      { path: '/execute/regulations', name: 'menu.execute.regulations', access: 'execute.regulation.read', icon: <BookOutlined />, component: lazy(() => import('../pages/regulations')) },
      { path: '/execute/regulations/:id', name: 'menu.execute.regulationDetail', access: 'execute.regulation.read', hideInMenu: true, component: lazy(() => import('../pages/regulations/RegulationPage')) },
      { path: '/execute/regulation-cleanup', name: 'menu.execute.regulationCleanup', access: 'execute.regulation.read', icon: <FileSyncOutlined />, component: lazy(() => import('../pages/regulations/CleanupPage')) },
    ],
  },
  {
    path: '/assess',
    name: 'menu.assess',
    icon: <CheckSquareOutlined />,
    // 同考核 pages: dispatch, supervision, assessment schemes, rating, results, exchange (one line each)
    children: [],
  },
  {
    path: '/insight',
    name: 'menu.insight',
    icon: <BarChartOutlined />,
    // cockpit, briefing (one line each)
    children: [],
  },
  { path: '/account/security', name: 'user.menu.security', hideInMenu: true, component: lazy(() => import('../pages/account/SecurityPage')) },
  { path: '/notifications', name: 'menu.notifications', icon: <BellOutlined />, hideInMenu: true, component: lazy(() => import('../pages/notifications')) },
  {
    path: '/admin',
    name: 'menu.admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/users', name: 'menu.admin.users', access: 'user.read', icon: <UserOutlined />, component: lazy(() => import('../pages/users')) },
      { path: '/admin/audit', name: 'menu.admin.audit', access: 'audit.read', icon: <AuditOutlined />, component: lazy(() => import('../pages/audit')) },
    ],
  },
];

/** Routes a user may see: leaves by permission, groups when any child remains. */
export function visibleRoutes(routes: AppRoute[], can: (p: Permission | undefined) => boolean): AppRoute[] {
  return routes.flatMap((r) => {
    if (r.children) {
      const children = visibleRoutes(r.children, can);
      return children.length ? [{ ...r, children }] : [];
    }
    return can(r.access) ? [r] : [];
  });
}

export function leafRoutes(routes: AppRoute[]): AppRoute[] {
  return routes.flatMap((r) => (r.children ? leafRoutes(r.children) : [r]));
}

/** The chain of routes from the top to the page at `pathname` (for the breadcrumb). */
export function routeChain(pathname: string, routes: AppRoute[] = appRoutes): AppRoute[] {
  for (const r of routes) {
    if (r.children) {
      const sub = routeChain(pathname, r.children);
      if (sub.length) return [r, ...sub];
    } else if (r.path === pathname || (r.path.includes(':') && matchPath({ path: r.path, end: true }, pathname))) {
      return [r];
    }
  }
  return [];
}
