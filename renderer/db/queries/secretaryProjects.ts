/**
 * Reads of 书记项目 for one unit (its own ledger, or the 工委 looking at it read-only): the unit's
 * projects of every year, tombstones filtered; their 证明材料; the 工委's ratings of them. Progress and overdue come from
 * shared/rules/duties/secretaryProjects.ts.
 */
import type { Attachment } from '../../../shared/model/attachment';
import type { ProjectRating } from '../../../shared/model/projectRating';
import { projectAttachmentIds, type SecretaryProject } from '../../../shared/model/secretaryProject';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export async function unitSecretaryProjects(db: TaizhangDb, unitId: string): Promise<SecretaryProject[]> {
  return live(await ofUnit(db.secretaryProject, unitId));
}

/** A project's 证明材料 (live attachment records, in the order they were added); none for a project from before record schema 7. */
export async function secretaryProjectAttachments(db: TaizhangDb, project: Pick<SecretaryProject, 'attachmentIds'>): Promise<Attachment[]> {
  const rows = await db.attachment.bulkGet([...projectAttachmentIds(project)]);
  return rows.filter((a): a is Attachment => a !== undefined && !a.deleted);
}

/** The 工委's live ratings (书记项目评价) of the unit's projects: at the 工委 as written, at the unit as the return bundle brought them. */
export async function unitProjectRatings(db: TaizhangDb, unitId: string): Promise<ProjectRating[]> {
  return live(await ofUnit(db.projectRating, unitId));
}
