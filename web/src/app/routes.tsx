import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, SettingOutlined, TeamOutlined, UserOutlined, ClusterOutlined } from '@ant-design/icons';
import { AimOutlined, DeploymentUnitOutlined, FileTextOutlined, OrderedListOutlined, ProjectOutlined } from '@ant-design/icons';
import { ExperimentOutlined, ReadOutlined, SoundOutlined } from '@ant-design/icons';
import { AuditOutlined as ReviewOutlined, BellOutlined, CheckSquareOutlined, FormOutlined } from '@ant-design/icons';
import { BarChartOutlined, BookOutlined, FileSyncOutlined, TrophyOutlined } from '@ant-design/icons';
import { CommentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { BulbOutlined, CalendarOutlined } from '@ant-design/icons';
import { CarryOutOutlined, ScheduleOutlined } from '@ant-design/icons';
import { EditOutlined, ProfileOutlined, SolutionOutlined } from '@ant-design/icons';
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
      { path: '/execute/activities', name: 'menu.execute.activities', access: 'execute.activity.read', icon: <CalendarOutlined />, component: lazy(() => import('../pages/activities')) },
      { path: '/execute/innovation', name: 'menu.execute.innovation', access: 'execute.innovation.read', icon: <BulbOutlined />, component: lazy(() => import('../pages/innovation')) },
      { path: '/execute/innovation/:id', name: 'menu.execute.innovationDetail', access: 'execute.innovation.read', hideInMenu: true, component: lazy(() => import('../pages/innovation/ProjectPage')) },
      { path: '/execute/honours', name: 'menu.execute.honours', access: 'execute.honour.read', icon: <TrophyOutlined />, component: lazy(() => import('../pages/honours')) },
      { path: '/execute/honours/:id', name: 'menu.execute.honourRound', access: 'execute.honour.read', hideInMenu: true, component: lazy(() => import('../pages/honours/RoundPage')) },
    ],
  },
  {
    path: '/assess',
    name: 'menu.assess',
    icon: <CheckSquareOutlined />,
    // 同考核 pages: dispatch, supervision, assessment schemes, rating, results, exchange (one line each)
    children: [
      { path: '/assess/dispatch', name: 'menu.assess.dispatch', access: 'assess.dispatch.read', icon: <ScheduleOutlined />, component: lazy(() => import('../pages/dispatch')) },
      { path: '/assess/follow-ups', name: 'menu.assess.followUps', access: 'assess.dispatch.read', icon: <CarryOutOutlined />, component: lazy(() => import('../pages/dispatch/FollowUpsPage')) },
      { path: '/assess/supervision', name: 'menu.assess.supervision', access: 'assess.supervision.read', icon: <SafetyCertificateOutlined />, component: lazy(() => import('../pages/supervision')) },
      { path: '/assess/supervision/:id', name: 'menu.assess.supervisionDetail', access: 'assess.supervision.read', hideInMenu: true, component: lazy(() => import('../pages/supervision/PlanPage')) },
      { path: '/assess/schemes', name: 'menu.assess.schemes', access: 'assess.scheme.read', icon: <ProfileOutlined />, component: lazy(() => import('../pages/assessment')) },
      { path: '/assess/schemes/:id', name: 'menu.assess.schemeDetail', access: 'assess.scheme.read', hideInMenu: true, component: lazy(() => import('../pages/assessment/SchemePage')) },
      { path: '/assess/self', name: 'menu.assess.self', access: 'assess.self.write', icon: <SolutionOutlined />, component: lazy(() => import('../pages/assessment/SelfPage')) },
      { path: '/assess/ratings', name: 'menu.assess.ratings', access: 'assess.rating.write', icon: <EditOutlined />, component: lazy(() => import('../pages/assessment/RatingsPage')) },
      { path: '/assess/ratings/:assignmentId', name: 'menu.assess.ratingForm', access: 'assess.rating.write', hideInMenu: true, component: lazy(() => import('../pages/assessment/RatingFormPage')) },
      { path: '/assess/results', name: 'menu.assess.results', access: 'assess.result.read', icon: <TrophyOutlined />, component: lazy(() => import('../pages/assessment-results')) },
      { path: '/assess/results/:schemeId', name: 'menu.assess.resultDetail', access: 'assess.result.read', hideInMenu: true, component: lazy(() => import('../pages/assessment-results/SchemeResultsPage')) },
      { path: '/assess/applications', name: 'menu.assess.applications', access: 'assess.application.read', icon: <FileSyncOutlined />, component: lazy(() => import('../pages/assessment-results/ApplicationsPage')) },
      { path: '/assess/exchange', name: 'menu.assess.exchange', access: 'assess.exchange.read', icon: <CommentOutlined />, component: lazy(() => import('../pages/exchange')) },
    ],
  },
  {
    path: '/insight',
    name: 'menu.insight',
    icon: <BarChartOutlined />,
    // cockpit, briefing (one line each)
    children: [
      { path: '/insight/cockpit', name: 'menu.insight.cockpit', access: 'insight.cockpit.read', icon: <BarChartOutlined />, component: lazy(() => import('../pages/cockpit')) },
      { path: '/insight/cockpit/screen', name: 'menu.insight.cockpitScreen', access: 'insight.cockpit.read', hideInMenu: true, component: lazy(() => import('../pages/cockpit/ScreenPage')) },
    ],
  },
  { path: '/account/security', name: 'user.menu.security', hideInMenu: true, component: lazy(() => import('../pages/account/SecurityPage')) },
  { path: '/notifications', name: 'menu.notifications', icon: <BellOutlined />, hideInMenu: true, component: lazy(() => import('../pages/notifications')) },
  { path: '/search', name: 'menu.search', access: 'search.read', hideInMenu: true, component: lazy(() => import('../pages/search')) },
  { path: '/account/notification-preferences', name: 'menu.notifyPrefs', hideInMenu: true, component: lazy(() => import('../pages/notify-settings/PreferencesPage')) },
  {
    path: '/admin',
    name: 'menu.admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/users', name: 'menu.admin.users', access: 'user.read', icon: <UserOutlined />, component: lazy(() => import('../pages/users')) },
      { path: '/admin/audit', name: 'menu.admin.audit', access: 'audit.read', icon: <AuditOutlined />, component: lazy(() => import('../pages/audit')) },
      { path: '/admin/notification-settings', name: 'menu.admin.notifySettings', access: 'notify.settings.write', icon: <BellOutlined />, component: lazy(() => import('../pages/notify-settings/SettingsPage')) },
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
