/**
 * The app root: Chinese locale, the workspace gate (setup on first start, the frame after),
 * and a hash router — it works from app:// and from a plain local server alike.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { createHashRouter, RouterProvider, type RouteObject } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { App as AntdApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { appDatabase } from './db/db';
import { getWorkspace } from './db/workspaceRepository';
import { requestPersistentStorage } from './db/persistentStorage';
import type { WorkspaceRow } from './db/localTypes';
import { useUiStore } from './store/uiStore';
import { AppFrame } from './features/frame/AppFrame';
import { UNIT_AREAS } from './features/frame/navigation';
import { CommitteeOwnScope, UnitWorkspaceScope } from './features/frame/WorkspaceScopes';
import { UnitContextLayout } from './features/units/UnitContextLayout';
import { UnitRegisterPage } from './features/units/UnitRegisterPage';
import { SetupPage } from './features/setup/SetupPage';
import { DataKeyGate } from './features/setup/DataKeyGate';
import { SettingsPage } from './features/settings/SettingsPage';
import { DailyAutomaticBackup } from './features/settings/AutomaticBackupsCard';
import { UnderConstructionPage } from './features/placeholder/UnderConstructionPage';
import { WorkbenchPage } from './features/workbench/WorkbenchPage';
import { BackupReminderNotice, useBackupTodos } from './features/settings/backupReminder';
import { OrganisationsArea } from './features/organisations/OrganisationsArea';
import { MembersPage } from './features/members/MembersPage';
import { TrainingArea } from './features/training/TrainingArea';
import { useTrainingTodos } from './features/training/useTrainingTodos';
import { MeetingFormPage } from './features/meetings/MeetingFormPage';
import { MeetingsArea } from './features/meetings/MeetingsArea';
import { useMeetingTodos } from './features/meetings/useMeetingTodos';
import { ReportsArea } from './features/reports/ReportsArea';
import { CityReportsPage } from './features/cityReports/CityReportsPage';
import { SyncPage } from './features/sync/SyncPage';
import { KeyBackupGate } from './features/keyBackup/KeyBackupGate';
import { DatabaseClosedNotice } from './features/frame/DatabaseClosedNotice';
import { AccountabilityArea } from './features/accountability/AccountabilityArea';
import { UnitInboxPanel } from './features/accountability/UnitInboxPanel';
import { UnitSupervisionPanel } from './features/accountability/UnitSupervisionPanel';
import { CareArea } from './features/care/CareArea';
import { DutyListsPage } from './features/dutyLists/DutyListsPage';
import { useDutyListTodos } from './features/dutyLists/useDutyListTodos';
import { FundsPage } from './features/funds/FundsPage';
import { useFundsTodos } from './features/funds/useFundsTodos';
import { useCareTodos } from './features/care/useCareTodos';
import { RectificationArea } from './features/rectification/RectificationArea';
import { useRectificationTodos } from './features/rectification/useRectificationTodos';
import { SecretaryProjectsPage } from './features/secretaryProjects/SecretaryProjectsPage';
import { useSecretaryProjectTodos } from './features/secretaryProjects/useSecretaryProjectTodos';

/** Unit areas with real pages; the others show an honest 建设中 page. */
const BUILT_UNIT_AREAS = new Set(['workbench', 'organisations', 'meetings', 'training', 'settings', 'sync', 'reports', 'funds', 'rectification', 'projects']);
BUILT_UNIT_AREAS.add('care');
BUILT_UNIT_AREAS.add('duties');

dayjs.locale('zh-cn');

// 全市概况 brings ECharts (≈ 1 MB): loaded when the committee first opens it, not with every start.
const CityDashboardPage = lazy(() => import('./features/cityDashboard/CityDashboardPage').then((m) => ({ default: m.CityDashboardPage })));

const THEME = { token: { colorPrimary: '#b71c1c', borderRadius: 4, fontSize: 14 } };

const NOT_FOUND: RouteObject = { path: '*', element: <Result status="404" title="页面不存在" subTitle="请从左侧菜单选择功能。" /> };

/**
 * The workbench with the to-dos of the other areas: each area's hook computes its own from its
 * rules; they are gathered here, where features are composed, so that no feature imports another.
 * Add one hook per area.
 */
function WorkbenchWithAreaTodos() {
  const meetings = useMeetingTodos();
  const training = useTrainingTodos();
  const rectification = useRectificationTodos();
  const funds = useFundsTodos();
  const projects = useSecretaryProjectTodos();
  const duties = useDutyListTodos();
  const care = useCareTodos();
  const backup = useBackupTodos();
  const areaTodos = useMemo(
    () => [...meetings, ...training, ...rectification, ...funds, ...projects, ...duties, ...care, ...backup],
    [meetings, training, rectification, funds, projects, duties, care, backup],
  );
  // under 单位 → a unit the committee also sees its own 联系组 visits to it (the panel is nothing elsewhere)
  const inbox = (
    <>
      <UnitInboxPanel />
      <UnitSupervisionPanel />
    </>
  );
  return <WorkbenchPage areaTodos={areaTodos} inbox={inbox} />;
}

/**
 * One unit's ledger screens, at the root of a unit's workspace and under 单位 → a unit in the
 * committee's (read-only there: no record or edit form is mounted).
 */
function ledgerRoutes(readOnly: boolean): RouteObject[] {
  return [
    { index: true, element: <WorkbenchWithAreaTodos /> },
    { path: 'organisations/*', element: <OrganisationsArea roster={<MembersPage />} /> },
    { path: 'training/*', element: <TrainingArea /> },
    ...(readOnly
      ? []
      : [
          { path: 'meetings/record', element: <MeetingFormPage /> },
          { path: 'meetings/edit/:id', element: <MeetingFormPage /> },
        ]),
    { path: 'meetings/*', element: <MeetingsArea /> },
    { path: 'reports/*', element: <ReportsArea /> },
    { path: 'funds/*', element: <FundsPage /> },
    { path: 'care/*', element: <CareArea /> },
    { path: 'rectification/*', element: <RectificationArea /> },
    { path: 'projects/*', element: <SecretaryProjectsPage /> },
    { path: 'duties/*', element: <DutyListsPage /> },
  ];
}

function unitRouter(workspace: WorkspaceRow) {
  return createHashRouter([
    {
      path: '/',
      element: (
        <UnitWorkspaceScope workspace={workspace}>
          <AppFrame workspace={workspace} />
        </UnitWorkspaceScope>
      ),
      children: [
        ...ledgerRoutes(false),
        ...UNIT_AREAS.filter((a) => !BUILT_UNIT_AREAS.has(a.key)).map((area) => ({ path: area.path.slice(1), element: <UnderConstructionPage area={area} /> })),
        { path: 'sync/*', element: <SyncPage workspace={workspace} /> },
        { path: 'settings', element: <SettingsPage workspace={workspace} /> },
        NOT_FOUND,
      ],
    },
  ]);
}

/** The 工委: the city, its register of units (each unit's ledger read-only), its own areas. */
function committeeRouter(workspace: WorkspaceRow) {
  return createHashRouter([
    {
      path: '/',
      element: <AppFrame workspace={workspace} />,
      children: [
        {
          index: true,
          element: (
            <>
              <BackupReminderNotice />
              <Suspense fallback={<Spin description="正在打开全市概况…" />}>
                <CityDashboardPage />
              </Suspense>
            </>
          ),
        },
        { path: 'units', element: <UnitRegisterPage /> },
        { path: 'units/:unitId', element: <UnitContextLayout committeeId={workspace.ownerId} />, children: [...ledgerRoutes(true), NOT_FOUND] },
        { path: 'accountability/*', element: <AccountabilityArea /> },
        {
          path: 'training/*',
          element: (
            <CommitteeOwnScope workspace={workspace}>
              <TrainingArea />
            </CommitteeOwnScope>
          ),
        },
        { path: 'reports/*', element: <CityReportsPage workspace={workspace} /> },
        { path: 'sync/*', element: <SyncPage workspace={workspace} /> },
        { path: 'settings', element: <SettingsPage workspace={workspace} /> },
        NOT_FOUND,
      ],
    },
  ]);
}

function buildRouter(workspace: WorkspaceRow) {
  return workspace.mode === 'committee' ? committeeRouter(workspace) : unitRouter(workspace);
}

function WorkspaceGate() {
  const workspace = useLiveQuery(() => getWorkspace(appDatabase()), [], 'loading' as const);
  const router = useMemo(
    () => (workspace && workspace !== 'loading' ? buildRouter(workspace) : null),
    [workspace],
  );
  if (workspace === 'loading') {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在打开台账…" />
      </div>
    );
  }
  if (!workspace || !router) return <SetupPage />;
  if (workspace.mode === 'committee') {
    // A new committee saves its key backup before anything else.
    return (
      <KeyBackupGate workspace={workspace}>
        <DailyAutomaticBackup />
        <RouterProvider router={router} />
      </KeyBackupGate>
    );
  }
  return (
    <>
      <DailyAutomaticBackup />
      <RouterProvider router={router} />
    </>
  );
}

export function App() {
  const setPersistence = useUiStore((s) => s.setStoragePersistence);
  useEffect(() => {
    void requestPersistentStorage().then(setPersistence);
  }, [setPersistence]);
  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <DataKeyGate>
          <WorkspaceGate />
        </DataKeyGate>
        <DatabaseClosedNotice />
      </AntdApp>
    </ConfigProvider>
  );
}
