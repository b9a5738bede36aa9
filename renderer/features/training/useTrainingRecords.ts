/**
 * Live reads of the training records as the scope sees them: a unit's classes, the 工委's classes
 * and the unit's enrolments (a unit's ledger, also read-only under the committee's 单位); or, in
 * the committee's own area, its classes with every unit's enrolments. Figures come from
 * shared/rules/trainingCoverage.
 */
import { useMemo } from 'react';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { scopeTraining, type TrainingRecords as Records } from '../../db/queries/training';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export interface TrainingRecords extends Records {
  /**
   * Whose view this is: 'unit' for a unit's ledger (its own, or a unit's seen read-only by the
   * 工委), 'committee' for the committee's own classes. A unit writes its classes and every
   * enrolment, the committee its classes; `readOnly` says nothing may be written at all.
   */
  mode: WorkspaceMode;
  readOnly: boolean;
}

/** undefined while loading. */
export function useTrainingRecords(): TrainingRecords | undefined {
  const { unitId, committeeId, readOnly } = useUnitScope();
  const committeeOwn = unitId === committeeId;
  const records = useAppQuery(scopeTraining, unitId, committeeId);
  return useMemo(() => (records ? { ...records, mode: committeeOwn ? 'committee' : 'unit', readOnly } : undefined), [records, committeeOwn, readOnly]);
}
