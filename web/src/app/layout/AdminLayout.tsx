import { useMemo, useState } from 'react';
import { Breadcrumb, Grid, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { appRoutes, routeChain, visibleRoutes, type AppRoute } from '../routes';
import { Lazy } from '../guards';
import { HeaderBar } from './HeaderBar';

type MenuItem = Required<MenuProps>['items'][number];

function PageHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const chain = routeChain(pathname);
  const home = appRoutes[0]!;
  const crumbs = chain[0]?.path === home.path ? chain : [home, ...chain];
  const current = chain[chain.length - 1];
  return (
    <div className="st-page-header">
      <Breadcrumb
        data-testid="breadcrumb"
        items={crumbs.map((r, i) => ({
          key: r.path,
          title: i < crumbs.length - 1 && !r.children ? <Link to={r.path}>{t(r.name)}</Link> : t(r.name),
        }))}
      />
      {current && <h2 className="st-page-title">{t(current.name)}</h2>}
    </div>
  );
}

export default function AdminLayout() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away completely and the content gets the full width.
  const phone = Grid.useBreakpoint().md === false;

  const routes = useMemo(() => visibleRoutes(appRoutes, can), [can]);
  const toItem = (r: AppRoute): MenuItem =>
    r.children
      ? { key: r.path, icon: r.icon, label: t(r.name), children: r.children.filter((c) => !c.hideInMenu).map(toItem) }
      : { key: r.path, icon: r.icon, label: <span data-testid={`menu-${r.path}`}>{t(r.name)}</span> };
  const items = routes.filter((r) => !r.hideInMenu).map(toItem);
  const chain = routeChain(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => routes.filter((r) => r.children).map((r) => r.path));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header>
        <HeaderBar />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="md"
          onBreakpoint={setCollapsed}
          collapsedWidth={phone ? 0 : 80}
          theme="light"
          style={{ borderRight: '1px solid #eee', borderTop: '3px solid #f6d365' }}
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={chain.length ? [chain[chain.length - 1]!.path] : []}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={setOpenKeys}
            onClick={({ key }) => {
              navigate(key);
              if (phone) setCollapsed(true);
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </Layout.Sider>
        <Layout.Content>
          <PageHeader />
          <div className="st-content">
            <Lazy>
              <Outlet />
            </Lazy>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
