/**
 * The app root: Chinese locale, the workspace gate (setup on first start, the frame after),
 * and a hash router — it works from app:// and from a plain local server alike.
 */
import { useEffect, useMemo } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
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
import { AREAS } from './features/frame/navigation';
import { SetupPage } from './features/setup/SetupPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { UnderConstructionPage } from './features/placeholder/UnderConstructionPage';
import { WorkbenchPage } from './features/workbench/WorkbenchPage';
import { OrganisationsArea } from './features/organisations/OrganisationsArea';
import { TrainingArea } from './features/training/TrainingArea';
import { MeetingFormPage } from './features/meetings/MeetingFormPage';
import { MeetingsArea } from './features/meetings/MeetingsArea';
import { ReportsArea } from './features/reports/ReportsArea';
import { SyncPage } from './features/sync/SyncPage';
import { KeyBackupGate } from './features/keyBackup/KeyBackupGate';

/** Areas with real pages; the others show an honest 建设中 page. */
const BUILT_AREAS = new Set(['workbench', 'organisations', 'meetings', 'training', 'settings', 'sync', 'reports']);

dayjs.locale('zh-cn');

const THEME = { token: { colorPrimary: '#b71c1c', borderRadius: 4, fontSize: 14 } };

function buildRouter(workspace: WorkspaceRow) {
  return createHashRouter([
    {
      path: '/',
      element: <AppFrame workspace={workspace} />,
      children: [
        { index: true, element: <WorkbenchPage /> },
        { path: 'organisations/*', element: <OrganisationsArea /> },
        { path: 'training/*', element: <TrainingArea /> },
        { path: 'meetings/record', element: <MeetingFormPage /> },
        { path: 'meetings/edit/:id', element: <MeetingFormPage /> },
        { path: 'meetings/*', element: <MeetingsArea /> },
        { path: 'reports/*', element: <ReportsArea /> },
        ...AREAS.filter((a) => !BUILT_AREAS.has(a.key)).map((area) => ({ path: area.path.slice(1), element: <UnderConstructionPage area={area} /> })),
        { path: 'sync/*', element: <SyncPage workspace={workspace} /> },
        { path: 'settings', element: <SettingsPage workspace={workspace} /> },
        { path: '*', element: <Result status="404" title="页面不存在" subTitle="请从左侧菜单选择功能。" /> },
      ],
    },
  ]);
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
        <RouterProvider router={router} />
      </KeyBackupGate>
    );
  }
  return <RouterProvider router={router} />;
}

export function App() {
  const setPersistence = useUiStore((s) => s.setStoragePersistence);
  useEffect(() => {
    void requestPersistentStorage().then(setPersistence);
  }, [setPersistence]);
  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <WorkspaceGate />
      </AntdApp>
    </ConfigProvider>
  );
}
