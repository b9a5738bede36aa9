/** Live read of the scoped unit's 书记项目 (its own ledger, or read-only under the 工委's 单位). */
import type { SecretaryProject } from '../../../shared/model/secretaryProject';
import { unitSecretaryProjects } from '../../db/queries/secretaryProjects';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

/** undefined while loading. */
export function useSecretaryProjects(): SecretaryProject[] | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitSecretaryProjects, unitId);
}
