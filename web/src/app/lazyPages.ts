import { lazy } from 'react';

export const LoginPage = lazy(() => import('../pages/login'));
export const ChangePasswordPage = lazy(() => import('../pages/change-password'));
export const AdminLayout = lazy(() => import('./layout/AdminLayout'));
export const StatusPage = lazy(() => import('../pages/status'));
