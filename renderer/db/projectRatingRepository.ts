/**
 * Writes of 书记项目评价 (the committee's `projectRating`): the 工委 rates a unit's 书记项目 — on the
 * 述职评议 scale 好/较好/一般/差 — with a comment. One live rating per project: rating it again
 * corrects the rating. The record's `unitId` is the rated unit's, so it travels to that unit in the
 * next return bundle (exportBundle.ts RETURN_TABLES); the unit only reads it. Each write checks,
 * inside ONE transaction, that the project is a live project of that unit as the 工委 holds it (from
 * the unit's bundles) and that the unit is enrolled and not revoked.
 */
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { ProjectRating } from '../../shared/model/projectRating';
import type { DutyReviewRating } from '../../shared/model/vocabulary';
import { createRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type ProjectRatingWriteError = WriteError | ExpectedError<'wrong-mode' | 'unit-not-enrolled'>;

export interface ProjectRatingInput {
  readonly unitId: string;
  readonly projectId: string;
  readonly rating: DutyReviewRating;
  readonly comment: string;
}

export async function rateSecretaryProject(ctx: WriteContext, input: ProjectRatingInput): Promise<Result<ProjectRating, ProjectRatingWriteError>> {
  if (ctx.mode !== 'committee') return fail(expectedError('wrong-mode', '书记项目的评价由机关工委作出，单位端只能查看。'));
  const tables = [ctx.db.projectRating, ctx.db.secretaryProject, ctx.db.enrolledUnit, ctx.db.changes, ctx.db.audit, ctx.db.device];
  return runWrite<ProjectRating, ProjectRatingWriteError>(ctx.db, tables, async () => {
    const unit = (await ctx.db.enrolledUnit.where('unitId').equals(input.unitId).toArray()).find((u) => !u.deleted);
    if (!unit) return fail(expectedError('unit-not-enrolled', '该单位不在纳管单位名册中，请先在“同步”中完成纳管登记。'));
    if (unit.status === 'revoked') return fail(expectedError('unit-not-enrolled', `${unit.name}已被吊销，不能再向其发送书记项目评价。`));
    const project = await ctx.db.secretaryProject.get(input.projectId);
    if (!project || project.deleted || project.unitId !== input.unitId) {
      return fail(expectedError('not-found', '该书记项目已被单位删除或不存在，请导入该单位最新的同步包后再评价。'));
    }
    const fields = { rating: input.rating, comment: input.comment.trim() };
    const existing = (await ctx.db.projectRating.where('projectId').equals(input.projectId).toArray()).find((r) => !r.deleted && r.unitId === input.unitId);
    if (existing) return updateRecord(ctx, 'projectRating', existing.id, { ...fields, year: project.year });
    return createRecord(ctx, 'projectRating', { unitId: input.unitId, projectId: input.projectId, year: project.year, ...fields });
  });
}
