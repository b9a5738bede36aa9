/**
 * Publishing a quarter's monitoring scores (发布季度考核结果): one assessment record per unit of the
 * table (quarter, indicator scores, total), committee-owned with the unit's `unitId`, so that each
 * unit's return bundle carries its own result and nothing of the others'. A published quarter is
 * frozen: it cannot be published again, and late records never change it.
 */
import { expectedError, ExpectedFailure, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { Assessment } from '../../shared/model/committee';
import type { QuarterScoreTable } from '../../shared/rules/committee/monitoring';
import { createRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type PublishError = WriteError | ExpectedError<'wrong-mode' | 'already-published' | 'empty'>;

export async function publishQuarterScores(ctx: WriteContext, table: QuarterScoreTable): Promise<Result<Assessment[], PublishError>> {
  if (ctx.mode !== 'committee') return fail(expectedError('wrong-mode', '季度考核结果由机关工委发布，单位不能自行填写。'));
  if (table.units.length === 0) return fail(expectedError('empty', '没有可发布的单位成绩：请先导入各单位的同步包。'));
  return runWrite<Assessment[], PublishError>(ctx.db, [ctx.db.assessment, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const already = (await ctx.db.assessment.where('quarter').equals(table.quarter).toArray()).filter((a) => !a.deleted);
    if (already.length > 0) return fail(expectedError('already-published', `${table.label}的考核结果已经发布，不能重复发布。`));
    const out: Assessment[] = [];
    for (const u of table.units) {
      const r = await createRecord(ctx, 'assessment', { unitId: u.unitId, quarter: table.quarter, scores: { ...u.scores }, total: u.total });
      if (!r.ok) throw new ExpectedFailure({ ...r.error, message: `${u.name}：${r.error.message}` });
      out.push(r.value);
    }
    return ok(out);
  });
}
