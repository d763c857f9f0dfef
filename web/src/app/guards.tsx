import { Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import type { Permission } from '@santong/contract';
import { useAuth } from './auth';
import { StatusPage } from './lazyPages';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

/** Signed in, and password changed when the server demands it. */
export function RequireAuth({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!user) return <Navigate to={`/login?redirect=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (user.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

/** The route's declared permission; without it the page answers 403. */
export function RequireAccess({ access, children }: { access?: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(access)) {
    return (
      <Lazy>
        <StatusPage status="403" />
      </Lazy>
    );
  }
  return <Lazy>{children}</Lazy>;
}
