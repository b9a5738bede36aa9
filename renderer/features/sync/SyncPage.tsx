/** 同步: the unit's enrolment, export and return-bundle import, or the committee's enrolled units, imports and conflicts. */
import type { WorkspaceRow } from '../../db/localTypes';
import { CommitteeSyncPage } from './CommitteeSyncPage';
import { UnitSyncPage } from './UnitSyncPage';

export function SyncPage({ workspace }: { workspace: WorkspaceRow }) {
  return workspace.mode === 'committee' ? <CommitteeSyncPage /> : <UnitSyncPage workspace={workspace} />;
}
