/**
 * Live reads of the training records: classes (the unit's own and those the 工委 sends) and
 * enrolments. Tombstones are filtered out here; figures come from shared/rules/trainingCoverage.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Enrolment, TrainingClass } from '../../../shared/model/training';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { appDatabase } from '../../db/db';

export interface TrainingRecords {
  classes: TrainingClass[];
  enrolments: Enrolment[];
  /** Which side this workspace is: a unit writes its classes and every enrolment, the committee its classes. */
  mode: WorkspaceMode;
}

async function load(): Promise<TrainingRecords> {
  const db = appDatabase();
  const [classes, enrolments, workspace] = await Promise.all([db.trainingClass.toArray(), db.enrolment.toArray(), db.workspace.get('workspace')]);
  const live = <T extends { deleted: boolean }>(rows: unknown[]) => (rows as T[]).filter((r) => !r.deleted);
  return {
    classes: live<TrainingClass>(classes),
    enrolments: live<Enrolment>(enrolments),
    mode: workspace?.mode ?? 'unit',
  };
}

/** undefined while loading. */
export function useTrainingRecords(): TrainingRecords | undefined {
  return useLiveQuery(load, []);
}
