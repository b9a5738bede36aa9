/**
 * The unit scopes of a workspace's own screens (features/common/unitScope.tsx): a unit's workspace
 * shows its own ledger, writable; the 工委's own areas (its training classes) show the committee's
 * records. The committee's read-only view of one unit is set by features/units.
 */
import { useMemo, type ReactNode } from 'react';
import type { WorkspaceRow } from '../../db/localTypes';
import { committeePeer } from '../../db/sync/enrolment';
import { UnitScopeProvider, type UnitScope } from '../common/unitScope';
import { useAppQuery } from '../common/useAppQuery';

export function UnitWorkspaceScope({ workspace, children }: { workspace: WorkspaceRow; children: ReactNode }) {
  const peer = useAppQuery(committeePeer);
  const committeeId = peer?.peerId ?? null;
  const scope = useMemo<UnitScope>(
    () => ({ unitId: workspace.ownerId, name: workspace.name, mode: 'unit', readOnly: false, basePath: '', committeeId }),
    [workspace.ownerId, workspace.name, committeeId],
  );
  return <UnitScopeProvider scope={scope}>{children}</UnitScopeProvider>;
}

export function CommitteeOwnScope({ workspace, children }: { workspace: WorkspaceRow; children: ReactNode }) {
  const scope = useMemo<UnitScope>(
    () => ({ unitId: workspace.ownerId, name: workspace.name, mode: 'committee', readOnly: false, basePath: '', committeeId: workspace.ownerId }),
    [workspace.ownerId, workspace.name],
  );
  return <UnitScopeProvider scope={scope}>{children}</UnitScopeProvider>;
}
