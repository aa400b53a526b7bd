import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Spin } from 'antd';
import type { Permission } from '../../src/domain/access/roles.ts';
import { useSession } from './session/session-context.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ForbiddenPage } from './components/refusal.tsx';
import { paths } from './paths.ts';

// Pages load on demand so the login page stays light.
const HomePage = lazy(() => import('./pages/home-page.tsx'));
const UnitTreePage = lazy(() => import('./pages/units/unit-tree-page.tsx'));
const UnitPage = lazy(() => import('./pages/units/unit-page.tsx'));
const OrganisationsPage = lazy(() => import('./pages/participants/organisations-page.tsx'));
const IndividualsPage = lazy(() => import('./pages/participants/individuals-page.tsx'));
const EmulationGroupsPage = lazy(() => import('./pages/participants/emulation-groups-page.tsx'));
const UsersPage = lazy(() => import('./pages/admin/users-page.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit-page.tsx'));

function Loading() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" description="Đang tải…" />
    </div>
  );
}

/** Sends visitors who are not signed in to the login page, remembering where they wanted to go. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <Loading />;
  if (session === null) {
    const wanted = `${location.pathname}${location.search}`;
    return <Navigate to={`${paths.login}?tiep=${encodeURIComponent(wanted)}`} replace />;
  }
  return children;
}

function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <Suspense fallback={<Loading />}>{children}</Suspense> : <ForbiddenPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.login} element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route
          index
          element={
            <Suspense fallback={<Loading />}>
              <HomePage />
            </Suspense>
          }
        />
        <Route
          path={paths.units}
          element={
            <Allowed permission="units.read">
              <UnitTreePage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.units}/:code`}
          element={
            <Allowed permission="units.read">
              <UnitPage />
            </Allowed>
          }
        />
        <Route
          path={paths.organisations}
          element={
            <Allowed permission="participants.read">
              <OrganisationsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.individuals}
          element={
            <Allowed permission="participants.read">
              <IndividualsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.groups}
          element={
            <Allowed permission="participants.read">
              <EmulationGroupsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.users}
          element={
            <Allowed permission="users.read">
              <UsersPage />
            </Allowed>
          }
        />
        <Route
          path={paths.audit}
          element={
            <Allowed permission="audit.read">
              <AuditPage />
            </Allowed>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
