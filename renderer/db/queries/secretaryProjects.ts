/**
 * Reads of 书记项目 for one unit (its own ledger, or the 工委 looking at it read-only): the unit's
 * projects of every year, tombstones filtered. Progress and overdue come from
 * shared/rules/duties/secretaryProjects.ts.
 */
import type { SecretaryProject } from '../../../shared/model/secretaryProject';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export async function unitSecretaryProjects(db: TaizhangDb, unitId: string): Promise<SecretaryProject[]> {
  return live(await ofUnit(db.secretaryProject, unitId));
}
