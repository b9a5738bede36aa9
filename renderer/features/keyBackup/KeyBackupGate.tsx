/** Shows the committee's "save your key backup" step instead of the ledger until a copy has been saved. */
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Spin } from 'antd';
import { keyBackupPending } from '../../db/committeeSetup';
import type { WorkspaceRow } from '../../db/localTypes';
import { thisDevice } from '../../db/queries/device';
import { onAppDatabase } from '../../db/session';
import { SaveKeyBackupStep } from './SaveKeyBackupStep';

export function KeyBackupGate({ workspace, children }: { workspace: WorkspaceRow; children: ReactNode }) {
  const device = useLiveQuery(() => onAppDatabase(thisDevice), [], 'loading' as const);
  if (device === 'loading') {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在打开台账…" />
      </div>
    );
  }
  if (device && keyBackupPending(workspace, device)) return <SaveKeyBackupStep workspace={workspace} device={device} />;
  return children;
}
