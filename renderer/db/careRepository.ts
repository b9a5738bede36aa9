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
import type { CadreExchange, CadreExchangeDirection } from '../../shared/model/cadreExchange';
import { cadreExchangeProblem } from '../../shared/rules/duties/cadreExchange';
import { localIsoDate } from '../../shared/clock/localDate';
import { careDateProblem } from '../../shared/rules/duties/care';
import { auditAction, createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type CareWriteError = WriteError | ExpectedError<'invalid-date' | 'wrong-mode' | 'invalid-input'>;

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
  /** 媒体级别 (record schema 7); '' when not filled in. */
  readonly level: string;
}

/** 党务干部双向交流: a posting between a party-affairs post and a line post, with its 任前考察. */
export interface CadreExchangeInput {
  readonly date: string;
  readonly personName: string;
  /** The member on the roster, when the cadre is one; null for a name typed. */
  readonly memberId: string | null;
  readonly direction: CadreExchangeDirection;
  readonly fromPost: string;
  readonly toPost: string;
  /** Only for a posting into a party-affairs post (ignored, stored null, otherwise). */
  readonly vettedOn: string | null;
  readonly vettingResult: string;
  readonly note: string;
}

type CareTable = 'careVisit' | 'commendation' | 'publicity' | 'cadreExchange';

const DATE_LABEL: Record<CareTable, string> = { careVisit: '走访日期', commendation: '表彰日期', publicity: '刊发日期', cadreExchange: '交流日期' };
const WHAT: Record<CareTable, string> = { careVisit: '走访慰问记录', commendation: '表彰记录', publicity: '宣传报道记录', cadreExchange: '双向交流记录' };

function unitOnly(ctx: WriteContext): CareWriteError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', '走访慰问、表彰、宣传和党务干部双向交流由单位登记，工委端只能查看。');
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
const publicityFields = (p: PublicityInput) => ({ date: p.date, title: p.title.trim(), outlet: p.outlet.trim(), level: p.level.trim() });

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

// ── 党务干部双向交流 ─────────────────────────────────────────────────────────────────────────
const exchangeFields = (x: CadreExchangeInput) => {
  const into = x.direction === 'toPartyAffairs';
  return {
    date: x.date,
    personName: x.personName.trim(),
    memberId: x.memberId,
    direction: x.direction,
    fromPost: x.fromPost.trim(),
    toPost: x.toPost.trim(),
    // a posting out of a party-affairs post has no 任前考察
    vettedOn: into ? x.vettedOn : null,
    vettingResult: into ? x.vettingResult.trim() : '',
    note: x.note.trim(),
  };
};

/** The checks of a posting inside the write's transaction: the rule's words, and a member of this unit. */
async function exchangeProblem(ctx: WriteContext, x: CadreExchangeInput): Promise<CareWriteError | null> {
  const problem = cadreExchangeProblem(x, localIsoDate(ctx.now()));
  if (problem) return expectedError(problem.field === 'personName' ? 'invalid-input' : 'invalid-date', problem.message, [problem.field]);
  if (x.memberId !== null) {
    const m = await ctx.db.member.get(x.memberId);
    if (!m || m.deleted || m.unitId !== ctx.ownerId) return expectedError('invalid-input', '所选党员不在本单位党员名册中，请重新选择或直接填写姓名。', ['personName']);
  }
  return null;
}

const exchangeTables = (ctx: WriteContext) => [...tablesOf(ctx, 'cadreExchange'), ctx.db.member];

export async function createCadreExchange(ctx: WriteContext, input: CadreExchangeInput): Promise<Result<CadreExchange, CareWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<CadreExchange, CareWriteError>(ctx.db, exchangeTables(ctx), async () => {
    const problem = await exchangeProblem(ctx, input);
    if (problem) return fail(problem);
    return (await createRecord(ctx, 'cadreExchange', exchangeFields(input))) as Result<CadreExchange, CareWriteError>;
  });
}

export async function updateCadreExchange(ctx: WriteContext, id: string, input: CadreExchangeInput): Promise<Result<CadreExchange, CareWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<CadreExchange, CareWriteError>(ctx.db, exchangeTables(ctx), async () => {
    if (!(await liveOfUnit(ctx, 'cadreExchange', id))) return fail(gone('cadreExchange'));
    const problem = await exchangeProblem(ctx, input);
    if (problem) return fail(problem);
    return (await updateRecord(ctx, 'cadreExchange', id, exchangeFields(input))) as Result<CadreExchange, CareWriteError>;
  });
}

export const deleteCadreExchange = (ctx: WriteContext, id: string) => remove<'cadreExchange', CadreExchange>(ctx, 'cadreExchange', id);

/** Showing a 走访慰问's 慰问事由 (it may tell of health or hardship) is audited, as a full ID number is. */
export async function recordCareReasonReveal(ctx: WriteContext, visit: Pick<CareVisit, 'id' | 'visitedName'>): Promise<void> {
  await auditAction(ctx, 'reveal', 'careVisit', visit.id, `查看对${visit.visitedName}的慰问事由`);
}
