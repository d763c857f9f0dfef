import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth';
import { appRoutes, leafRoutes, visibleRoutes, type AppRoute } from './routes';
import { FullPageSpin, Lazy, RequireAccess, RequireAuth } from './guards';
import { AdminLayout, ChangePasswordPage, LoginPage, StatusPage } from './lazyPages';

function PublicOnly({ children }: { children: React.ReactNode }) {
  const { user, loading } = useAuth();
  if (loading) return <FullPageSpin />;
  if (user) return <Navigate to={user.mustChangePassword ? '/change-password' : '/'} replace />;
  return <>{children}</>;
}

/** A menu group's own path goes to its first child the user may open. */
function GroupRedirect({ group }: { group: AppRoute }) {
  const { can } = useAuth();
  const first = leafRoutes(visibleRoutes(group.children ?? [], can))[0];
  return first ? <Navigate to={first.path} replace /> : <StatusPage status="403" />;
}

export function AppRouter() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <PublicOnly>
            <Lazy>
              <LoginPage />
            </Lazy>
          </PublicOnly>
        }
      />
      <Route
        path="/change-password"
        element={
          <RequireAuth allowPasswordChange>
            <Lazy>
              <ChangePasswordPage />
            </Lazy>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Lazy>
              <AdminLayout />
            </Lazy>
          </RequireAuth>
        }
      >
        {leafRoutes(appRoutes).map((r) => {
          const Page = r.component!;
          return (
            <Route
              key={r.path}
              path={r.path}
              element={
                <RequireAccess access={r.access}>
                  <Page />
                </RequireAccess>
              }
            />
          );
        })}
        {appRoutes
          .filter((g) => g.children)
          .map((g) => (
            <Route key={g.path} path={g.path} element={<Lazy><GroupRedirect group={g} /></Lazy>} />
          ))}
        <Route path="*" element={<Lazy><StatusPage status="404" /></Lazy>} />
      </Route>
    </Routes>
  );
}
