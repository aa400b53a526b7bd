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
import { emulationPaths } from './pages/emulation/emulation-paths.ts';

// Pages load on demand so the login page stays light.
const HomePage = lazy(() => import('./pages/home-page.tsx'));
const UnitTreePage = lazy(() => import('./pages/units/unit-tree-page.tsx'));
const UnitPage = lazy(() => import('./pages/units/unit-page.tsx'));
const OrganisationsPage = lazy(() => import('./pages/participants/organisations-page.tsx'));
const IndividualsPage = lazy(() => import('./pages/participants/individuals-page.tsx'));
const EmulationGroupsPage = lazy(() => import('./pages/participants/emulation-groups-page.tsx'));
const UsersPage = lazy(() => import('./pages/admin/users-page.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit-page.tsx'));
const HouseholdsPage = lazy(() => import('./pages/registry/households-page.tsx'));
const HouseholdPage = lazy(() => import('./pages/registry/household-page.tsx'));
const HouseholdFormPage = lazy(() => import('./pages/registry/household-form-page.tsx'));
const ApplicationsPage = lazy(() => import('./pages/registry/applications-page.tsx'));
const RoundsPage = lazy(() => import('./pages/registry/rounds-page.tsx'));
const CommuneRoundPage = lazy(() => import('./pages/registry/commune-round-page.tsx'));
const ImportPage = lazy(() => import('./pages/registry/import-page.tsx'));
const StatsOverviewPage = lazy(() => import('./pages/stats/stats-overview-page.tsx'));
const UnitStatsPage = lazy(() => import('./pages/stats/unit-stats-page.tsx'));
const ComparePage = lazy(() => import('./pages/stats/compare-page.tsx'));
const AfPage = lazy(() => import('./pages/stats/af-page.tsx'));
const PublicPage = lazy(() => import('./pages/public/public-page.tsx'));
const ReportsPage = lazy(() => import('./pages/reports/reports-page.tsx'));
const ReportRequestPage = lazy(() => import('./pages/reports/request-page.tsx'));
const ReportSubmissionPage = lazy(() => import('./pages/reports/submission-page.tsx'));
const ReportTemplatesPage = lazy(() => import('./pages/reports/templates-page.tsx'));
const CampaignsPage = lazy(() => import('./pages/emulation/campaigns-page.tsx'));
const CampaignPage = lazy(() => import('./pages/emulation/campaigns-page.tsx').then((m) => ({ default: m.CampaignPage })));
const MyRegistrationPage = lazy(() => import('./pages/emulation/my-registration-page.tsx'));
const ScoreSheetPage = lazy(() => import('./pages/emulation/score-sheet-page.tsx'));
const VerificationPage = lazy(() => import('./pages/emulation/verification-page.tsx'));
const RankingsPage = lazy(() => import('./pages/emulation/rankings-page.tsx'));
const RegistrationStatusPage = lazy(() => import('./pages/emulation/registration-status-page.tsx'));
const ExemplarLibraryPage = lazy(() => import('./pages/emulation/exemplar-library-page.tsx'));
const FundLedgerPage = lazy(() => import('./pages/fund/fund-ledger-page.tsx'));
const SupportActivitiesPage = lazy(() => import('./pages/fund/support-activities-page.tsx'));
const PublicFundPage = lazy(() => import('./pages/public/public-fund-page.tsx'));
const AwardBatchesPage = lazy(() => import('./pages/awards/batches-page.tsx'));
const AwardBatchPage = lazy(() => import('./pages/awards/batch-page.tsx'));
const CouncilPage = lazy(() => import('./pages/awards/council-page.tsx'));
const AppraisalQueuePage = lazy(() => import('./pages/awards/queue-page.tsx'));
const AwardRegistryPage = lazy(() => import('./pages/awards/registry-page.tsx'));
const PublicAwardsPage = lazy(() => import('./pages/awards/public-awards-page.tsx'));

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
      {/* The public figures need no login: they are aggregates only, with small cells withheld. */}
      <Route
        path={paths.public}
        element={
          <Suspense fallback={<Loading />}>
            <PublicPage />
          </Suspense>
        }
      />
      {/* The public comment on State-level nominations needs no login: names and places only. */}
      <Route
        path={paths.publicAwards}
        element={
          <Suspense fallback={<Loading />}>
            <PublicAwardsPage />
          </Suspense>
        }
      />
      <Route
        path={emulationPaths.publicFund}
        element={
          <Suspense fallback={<Loading />}>
            <PublicFundPage />
          </Suspense>
        }
      />
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
        <Route
          path={paths.households}
          element={
            <Allowed permission="households.read">
              <HouseholdsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.householdNew}
          element={
            <Allowed permission="households.write">
              <HouseholdFormPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.households}/:id`}
          element={
            <Allowed permission="households.read">
              <HouseholdPage />
            </Allowed>
          }
        />
        <Route
          path={paths.applications}
          element={
            <Allowed permission="households.read">
              <ApplicationsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.rounds}
          element={
            <Allowed permission="rounds.read">
              <RoundsPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.rounds}/:year/xa/:code`}
          element={
            <Allowed permission="rounds.read">
              <CommuneRoundPage />
            </Allowed>
          }
        />
        <Route
          path={paths.imports}
          element={
            <Allowed permission="imports.run">
              <ImportPage />
            </Allowed>
          }
        />
        <Route
          path={paths.stats}
          element={
            <Allowed permission="rounds.read">
              <StatsOverviewPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.statsUnit}/:code`}
          element={
            <Allowed permission="rounds.read">
              <UnitStatsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.statsCompare}
          element={
            <Allowed permission="rounds.read">
              <ComparePage />
            </Allowed>
          }
        />
        <Route
          path={paths.statsAf}
          element={
            <Allowed permission="rounds.read">
              <AfPage />
            </Allowed>
          }
        />
        <Route
          path={paths.reports}
          element={
            <Allowed permission="reports.read">
              <ReportsPage />
            </Allowed>
          }
        />
        <Route
          path={paths.reportTemplates}
          element={
            <Allowed permission="reports.read">
              <ReportTemplatesPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.reports}/yeu-cau/:id`}
          element={
            <Allowed permission="reports.read">
              <ReportRequestPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.reports}/don-vi/:id`}
          element={
            <Allowed permission="reports.read">
              <ReportSubmissionPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.campaigns}
          element={
            <Allowed permission="emulation.read">
              <CampaignsPage />
            </Allowed>
          }
        />
        <Route
          path={`${emulationPaths.campaigns}/phong-trao/:id`}
          element={
            <Allowed permission="emulation.read">
              <CampaignPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.register}
          element={
            <Allowed permission="emulation.participate">
              <MyRegistrationPage />
            </Allowed>
          }
        />
        <Route
          path={`${emulationPaths.campaigns}/bang-diem/:id`}
          element={
            <Allowed permission="emulation.read">
              <ScoreSheetPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.verification}
          element={
            <Allowed permission="emulation.read">
              <VerificationPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.council}
          element={
            <Allowed permission="emulation.council">
              <VerificationPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.rankings}
          element={
            <Allowed permission="emulation.read">
              <RankingsPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.status}
          element={
            <Allowed permission="emulation.read">
              <RegistrationStatusPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.library}
          element={
            <Allowed permission="emulation.read">
              <ExemplarLibraryPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.fund}
          element={
            <Allowed permission="fund.read">
              <FundLedgerPage />
            </Allowed>
          }
        />
        <Route
          path={emulationPaths.supportActivities}
          element={
            <Allowed permission="fund.read">
              <SupportActivitiesPage />
            </Allowed>
          }
        />
        <Route
          path={paths.awards}
          element={
            <Allowed permission="awards.read">
              <AwardBatchesPage />
            </Allowed>
          }
        />
        <Route
          path={paths.awardsQueue}
          element={
            <Allowed permission="awards.read">
              <AppraisalQueuePage />
            </Allowed>
          }
        />
        <Route
          path={paths.awardsRegistry}
          element={
            <Allowed permission="awards.read">
              <AwardRegistryPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.awards}/ho-so/:id`}
          element={
            <Allowed permission="awards.read">
              <AwardBatchPage />
            </Allowed>
          }
        />
        <Route
          path={`${paths.awards}/ho-so/:id/hoi-dong`}
          element={
            <Allowed permission="awards.read">
              <CouncilPage />
            </Allowed>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
