/**
 * 联系组督导检查 (supervisionVisit): the 工委 records, corrects and deletes its liaison groups' visits
 * to enrolled units. Committee-owned records whose `unitId` is the unit visited; they stay with the
 * committee (return bundles do not carry them). The follow-up items (整改要求) are written at the end
 * of `findings` (shared/rules/committee/supervisionVisits.ts: the record has no list for them). The
 * 日常指导评价 given at a visit (`guidanceScore`, 0–100, optional) feeds the quarterly monitoring.
 * Every write checks inside ONE transaction (`runWrite`) and goes through the record repository.
 */
import { localIsoDate } from '../../shared/clock/localDate';
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { SupervisionVisit } from '../../shared/model/committee';
import type { SupervisionVisitKind } from '../../shared/model/vocabulary';
import { composeFindings, visitInputProblems } from '../../shared/rules/committee/supervisionVisits';
import { createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type SupervisionWriteError = WriteError | ExpectedError<'wrong-mode' | 'unit-not-enrolled' | 'invalid-input'>;

export interface SupervisionVisitInput {
  readonly unitId: string;
  readonly kind: SupervisionVisitKind;
  readonly date: string;
  /** 联系组成员, as typed (e.g. 张伟、李娜). */
  readonly visitors: string;
  /** 发现问题 */
  readonly findings: string;
  /** 整改要求, one short line each. */
  readonly followUps: readonly string[];
  /** 日常指导评价 of the unit at this visit, an integer 0–100; absent or null: none given (the field is then removed). */
  readonly guidanceScore?: number | null;
}

function committeeOnly(ctx: WriteContext): SupervisionWriteError | null {
  return ctx.mode === 'committee' ? null : expectedError('wrong-mode', '督导检查由机关工委联系组登记，单位不能自行填写。');
}

function inputProblem(ctx: WriteContext, input: SupervisionVisitInput): SupervisionWriteError | null {
  const [problem] = visitInputProblems(input, localIsoDate(ctx.now()));
  return problem ? expectedError('invalid-input', problem.message, [problem.field]) : null;
}

async function enrolled(ctx: WriteContext, unitId: string): Promise<SupervisionWriteError | null> {
  const unit = (await ctx.db.enrolledUnit.where('unitId').equals(unitId).toArray()).find((u) => !u.deleted);
  if (!unit) return expectedError('unit-not-enrolled', '该单位不在纳管单位名册中，请先在“同步”中完成纳管登记。', ['unitId']);
  if (unit.status === 'revoked') return expectedError('unit-not-enrolled', `${unit.name}已被吊销，不能再登记对其的督导检查。`, ['unitId']);
  return null;
}

async function liveVisit(ctx: WriteContext, id: string): Promise<SupervisionVisit | null> {
  const v = await ctx.db.supervisionVisit.get(id);
  return v && !v.deleted ? v : null;
}

const gone = (): SupervisionWriteError => expectedError('not-found', '该督导检查记录不存在或已被删除，请刷新后重试。');

const fieldsOf = (input: SupervisionVisitInput) => ({
  kind: input.kind,
  date: input.date,
  visitors: input.visitors.trim(),
  findings: composeFindings(input.findings, input.followUps),
  ...(input.guidanceScore === undefined || input.guidanceScore === null ? {} : { guidanceScore: input.guidanceScore }),
});

const tablesOf = (ctx: WriteContext) => [ctx.db.supervisionVisit, ctx.db.enrolledUnit, ctx.db.changes, ctx.db.audit, ctx.db.device];

/** 登记督导检查 */
export async function createSupervisionVisit(ctx: WriteContext, input: SupervisionVisitInput): Promise<Result<SupervisionVisit, SupervisionWriteError>> {
  const refused = committeeOnly(ctx) ?? inputProblem(ctx, input);
  if (refused) return fail(refused);
  return runWrite<SupervisionVisit, SupervisionWriteError>(ctx.db, tablesOf(ctx), async () => {
    const notEnrolled = await enrolled(ctx, input.unitId);
    if (notEnrolled) return fail(notEnrolled);
    return createRecord(ctx, 'supervisionVisit', { unitId: input.unitId, ...fieldsOf(input) });
  });
}

/** 修改督导检查: the unit visited stays the same (a visit to another unit is another record). */
export async function updateSupervisionVisit(ctx: WriteContext, id: string, input: SupervisionVisitInput): Promise<Result<SupervisionVisit, SupervisionWriteError>> {
  const refused = committeeOnly(ctx) ?? inputProblem(ctx, input);
  if (refused) return fail(refused);
  return runWrite<SupervisionVisit, SupervisionWriteError>(ctx.db, tablesOf(ctx), async () => {
    const visit = await liveVisit(ctx, id);
    if (!visit) return fail(gone());
    if (visit.unitId !== input.unitId) {
      return fail(expectedError('invalid-input', '已登记的督导检查不能改到另一个单位；如登记错了单位，请删除后重新登记。', ['unitId']));
    }
    // a score emptied in the form is removed (the record then holds none)
    return updateRecord(ctx, 'supervisionVisit', id, { guidanceScore: undefined, ...fieldsOf(input) });
  });
}

/** 删除督导检查 (a tombstone; cards and notices made from it stay as they were sent). */
export async function deleteSupervisionVisit(ctx: WriteContext, id: string): Promise<Result<SupervisionVisit, SupervisionWriteError>> {
  const refused = committeeOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SupervisionVisit, SupervisionWriteError>(ctx.db, tablesOf(ctx), async () => {
    if (!(await liveVisit(ctx, id))) return fail(gone());
    return deleteRecord(ctx, 'supervisionVisit', id);
  });
}
