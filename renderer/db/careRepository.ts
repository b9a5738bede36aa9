/**
 * Writes of 关怀激励 and 宣传: 走访慰问 (careVisit), 表彰 (commendation) and 宣传报道 (publicity). The
 * unit writes them (the 工委 only sees them). Each write checks inside ONE transaction (`runWrite`)
 * and goes through the record repository (meta, change log, audit, tombstones):
 *   - the date is of something done: not after today (`careDateProblem`);
 *   - an edited or deleted record is a live one of this unit.
 * 慰问金额 arrives in 分 (the form parses 元 with shared/rules/duties/funds.ts `parseYuan`).
 */
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { CareVisit, Commendation, Publicity } from '../../shared/model/care';
import { localIsoDate } from '../../shared/clock/localDate';
import { careDateProblem } from '../../shared/rules/duties/care';
import { auditAction, createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type CareWriteError = WriteError | ExpectedError<'invalid-date' | 'wrong-mode'>;

export interface CareVisitInput {
  readonly date: string;
  readonly visitedName: string;
  readonly reason: string;
  readonly visitors: string;
  readonly amountFen: number;
}

export interface CommendationInput {
  readonly date: string;
  readonly name: string;
  readonly honour: string;
  readonly level: string;
}

export interface PublicityInput {
  readonly date: string;
  readonly title: string;
  readonly outlet: string;
}

type CareTable = 'careVisit' | 'commendation' | 'publicity';

const DATE_LABEL: Record<CareTable, string> = { careVisit: '走访日期', commendation: '表彰日期', publicity: '刊发日期' };
const WHAT: Record<CareTable, string> = { careVisit: '走访慰问记录', commendation: '表彰记录', publicity: '宣传报道记录' };

function unitOnly(ctx: WriteContext): CareWriteError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', '走访慰问、表彰和宣传由单位登记，工委端只能查看。');
}

function dateProblem(ctx: WriteContext, table: CareTable, date: string): CareWriteError | null {
  const problem = careDateProblem(date, localIsoDate(ctx.now()), DATE_LABEL[table]);
  return problem ? expectedError('invalid-date', problem, ['date']) : null;
}

async function liveOfUnit(ctx: WriteContext, table: CareTable, id: string): Promise<boolean> {
  const r = await ctx.db.table<{ unitId: string; deleted: boolean }, string>(table).get(id);
  return !!r && !r.deleted && r.unitId === ctx.ownerId;
}

function gone(table: CareTable): CareWriteError {
  return expectedError('not-found', `该${WHAT[table]}不存在或已被删除，请刷新后重试。`);
}

const tablesOf = (ctx: WriteContext, table: CareTable) => [ctx.db.table(table), ctx.db.changes, ctx.db.audit, ctx.db.device];

async function create<T extends CareTable, R>(ctx: WriteContext, table: T, date: string, fields: Parameters<typeof createRecord<T>>[2]): Promise<Result<R, CareWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<R, CareWriteError>(ctx.db, tablesOf(ctx, table), async () => {
    const problem = dateProblem(ctx, table, date);
    if (problem) return fail(problem);
    return (await createRecord(ctx, table, fields)) as Result<R, CareWriteError>;
  });
}

async function update<T extends CareTable, R>(ctx: WriteContext, table: T, id: string, date: string, fields: Parameters<typeof updateRecord<T>>[3]): Promise<Result<R, CareWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<R, CareWriteError>(ctx.db, tablesOf(ctx, table), async () => {
    if (!(await liveOfUnit(ctx, table, id))) return fail(gone(table));
    const problem = dateProblem(ctx, table, date);
    if (problem) return fail(problem);
    return (await updateRecord(ctx, table, id, fields)) as Result<R, CareWriteError>;
  });
}

async function remove<T extends CareTable, R>(ctx: WriteContext, table: T, id: string): Promise<Result<R, CareWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<R, CareWriteError>(ctx.db, tablesOf(ctx, table), async () => {
    if (!(await liveOfUnit(ctx, table, id))) return fail(gone(table));
    return (await deleteRecord(ctx, table, id)) as Result<R, CareWriteError>;
  });
}

const visitFields = (v: CareVisitInput) => ({ date: v.date, visitedName: v.visitedName.trim(), reason: v.reason.trim(), visitors: v.visitors.trim(), amountFen: v.amountFen });
const commendationFields = (c: CommendationInput) => ({ date: c.date, name: c.name.trim(), honour: c.honour.trim(), level: c.level.trim() });
const publicityFields = (p: PublicityInput) => ({ date: p.date, title: p.title.trim(), outlet: p.outlet.trim() });

// ── 走访慰问 ──────────────────────────────────────────────────────────────────────────────────
export const createCareVisit = (ctx: WriteContext, input: CareVisitInput) => create<'careVisit', CareVisit>(ctx, 'careVisit', input.date, visitFields(input));
export const updateCareVisit = (ctx: WriteContext, id: string, input: CareVisitInput) => update<'careVisit', CareVisit>(ctx, 'careVisit', id, input.date, visitFields(input));
export const deleteCareVisit = (ctx: WriteContext, id: string) => remove<'careVisit', CareVisit>(ctx, 'careVisit', id);

// ── 表彰 ──────────────────────────────────────────────────────────────────────────────────────
export const createCommendation = (ctx: WriteContext, input: CommendationInput) =>
  create<'commendation', Commendation>(ctx, 'commendation', input.date, commendationFields(input));
export const updateCommendation = (ctx: WriteContext, id: string, input: CommendationInput) =>
  update<'commendation', Commendation>(ctx, 'commendation', id, input.date, commendationFields(input));
export const deleteCommendation = (ctx: WriteContext, id: string) => remove<'commendation', Commendation>(ctx, 'commendation', id);

// ── 宣传 ──────────────────────────────────────────────────────────────────────────────────────
export const createPublicity = (ctx: WriteContext, input: PublicityInput) => create<'publicity', Publicity>(ctx, 'publicity', input.date, publicityFields(input));
export const updatePublicity = (ctx: WriteContext, id: string, input: PublicityInput) => update<'publicity', Publicity>(ctx, 'publicity', id, input.date, publicityFields(input));
export const deletePublicity = (ctx: WriteContext, id: string) => remove<'publicity', Publicity>(ctx, 'publicity', id);

/** Showing a 走访慰问's 慰问事由 (it may tell of health or hardship) is audited, as a full ID number is. */
export async function recordCareReasonReveal(ctx: WriteContext, visit: Pick<CareVisit, 'id' | 'visitedName'>): Promise<void> {
  await auditAction(ctx, 'reveal', 'careVisit', visit.id, `查看对${visit.visitedName}的慰问事由`);
}
