import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, SettingOutlined, TeamOutlined, UserOutlined, ClusterOutlined } from '@ant-design/icons';
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
    } else if (r.path === pathname) {
      return [r];
    }
  }
  return [];
}
