/**
 * Writes of 三级五岗职责清单 (the unit's duty lists): a year's lists seeded from the default list
 * (shared/rules/duties/dutyLists.ts, only for a year without lists), a post added, edited (level,
 * post, holder) or deleted, its duty items added, edited or deleted, and an item's annual
 * self-check (outcome 落实/部分落实/未落实, or none: 未自查, with the evidence text). Each write runs
 * in one transaction through `runWrite` and the record repository (validation, meta, change log,
 * audit). Items are addressed by index and the text the screen showed, so that an edit made
 * against a list another window changed meanwhile is refused instead of hitting another item.
 */
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { DutyItem, DutyItemStatus, DutyList } from '../../shared/model/dutyList';
import { DEFAULT_DUTY_POSTS, duplicatePostProblem, seedProblem, type DutyListProblem } from '../../shared/rules/duties/dutyLists';
import { live } from './queries/live';
import { createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type DutyListWriteError = WriteError | ExpectedError<'wrong-mode' | 'refused'>;

/** A post's own fields (its items are written one by one). */
export interface DutyPostInput {
  readonly year: number;
  readonly level: string;
  readonly post: string;
  readonly holderName: string;
}

/** An item's self-check: outcome (null: 未自查) and the evidence / description. */
export interface SelfCheckInput {
  readonly status: DutyItemStatus | null;
  readonly selfCheck: string;
}

const tables = (ctx: WriteContext) => [ctx.db.dutyList, ctx.db.changes, ctx.db.audit, ctx.db.device];

function unitOnly(ctx: WriteContext): DutyListWriteError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', '三级五岗职责清单由单位填报，工委端只能查看。');
}

function refused(problem: DutyListProblem): DutyListWriteError {
  return expectedError('refused', problem.message, problem.field ? [problem.field] : undefined);
}

const missing = () => expectedError('not-found', '该岗位的职责清单不存在或已被删除，请刷新后重试。');
const itemMoved = () => expectedError('refused', '该职责事项已被修改或删除（可能在另一个窗口中），请刷新页面后重试。');

async function liveList(ctx: WriteContext, id: string): Promise<DutyList | null> {
  const r = await ctx.db.dutyList.get(id);
  return r && !r.deleted && r.unitId === ctx.ownerId ? r : null;
}

async function listsOfYear(ctx: WriteContext, year: number): Promise<DutyList[]> {
  return live(await ctx.db.dutyList.where('unitId').equals(ctx.ownerId).toArray()).filter((l) => l.year === year);
}

/** 按默认清单生成本年度清单: the default levels, posts and items for `year` (holders left empty). */
export async function seedDefaultDutyLists(ctx: WriteContext, year: number): Promise<Result<DutyList[], DutyListWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<DutyList[], DutyListWriteError>(ctx.db, tables(ctx), async () => {
    const problem = seedProblem((await listsOfYear(ctx, year)).length, year);
    if (problem) return fail(refused(problem));
    const out: DutyList[] = [];
    for (const p of DEFAULT_DUTY_POSTS) {
      const r = await createRecord(ctx, 'dutyList', { year, level: p.level, post: p.post, holderName: '', items: p.items.map((text) => ({ text, selfCheck: '' })) });
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  });
}

/** 新增岗位: a post without items. */
export async function createDutyPost(ctx: WriteContext, input: DutyPostInput): Promise<Result<DutyList, DutyListWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<DutyList, DutyListWriteError>(ctx.db, tables(ctx), async () => {
    const problem = duplicatePostProblem(await listsOfYear(ctx, input.year), input);
    if (problem) return fail(refused(problem));
    return createRecord(ctx, 'dutyList', { year: input.year, level: input.level.trim(), post: input.post.trim(), holderName: input.holderName.trim(), items: [] });
  });
}

/** 编辑岗位: level, post name and holder (the year and items stay). */
export async function updateDutyPost(ctx: WriteContext, id: string, input: Omit<DutyPostInput, 'year'>): Promise<Result<DutyList, DutyListWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<DutyList, DutyListWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveList(ctx, id);
    if (!before) return fail(missing());
    const problem = duplicatePostProblem(await listsOfYear(ctx, before.year), { ...input, id, year: before.year });
    if (problem) return fail(refused(problem));
    return updateRecord(ctx, 'dutyList', id, { level: input.level.trim(), post: input.post.trim(), holderName: input.holderName.trim() });
  });
}

/** 删除岗位 with its items (a tombstone that travels in the next bundle). */
export async function deleteDutyPost(ctx: WriteContext, id: string): Promise<Result<DutyList, DutyListWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<DutyList, DutyListWriteError>(ctx.db, tables(ctx), async () => {
    if (!(await liveList(ctx, id))) return fail(missing());
    return deleteRecord(ctx, 'dutyList', id);
  });
}

/** Changes the items of a live list by `edit`, which returns the new items or null when the item it addresses has moved. */
async function editItems(ctx: WriteContext, id: string, edit: (items: readonly DutyItem[]) => DutyItem[] | null): Promise<Result<DutyList, DutyListWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<DutyList, DutyListWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveList(ctx, id);
    if (!before) return fail(missing());
    const items = edit(before.items);
    if (!items) return fail(itemMoved());
    return updateRecord(ctx, 'dutyList', id, { items });
  });
}

/** The item at `index` if its text is still `expectedText`. */
function at(items: readonly DutyItem[], index: number, expectedText: string): DutyItem | null {
  const item = items[index];
  return item && item.text === expectedText ? item : null;
}

/** 新增职责事项 at the end of the post's list (not self-checked). */
export function addDutyItem(ctx: WriteContext, id: string, text: string): Promise<Result<DutyList, DutyListWriteError>> {
  return editItems(ctx, id, (items) => [...items, { text: text.trim(), selfCheck: '' }]);
}

/** 编辑职责事项: its text; the self-check stays. */
export function updateDutyItemText(ctx: WriteContext, id: string, index: number, expectedText: string, text: string): Promise<Result<DutyList, DutyListWriteError>> {
  return editItems(ctx, id, (items) => (at(items, index, expectedText) ? items.map((it, i) => (i === index ? { ...it, text: text.trim() } : it)) : null));
}

/** 删除职责事项. */
export function deleteDutyItem(ctx: WriteContext, id: string, index: number, expectedText: string): Promise<Result<DutyList, DutyListWriteError>> {
  return editItems(ctx, id, (items) => (at(items, index, expectedText) ? items.filter((_, i) => i !== index) : null));
}

/** 自查: the item's outcome (null clears it: 未自查) and its evidence / description. */
export function selfCheckDutyItem(ctx: WriteContext, id: string, index: number, expectedText: string, check: SelfCheckInput): Promise<Result<DutyList, DutyListWriteError>> {
  return editItems(ctx, id, (items) => {
    if (!at(items, index, expectedText)) return null;
    return items.map((it, i) => {
      if (i !== index) return it;
      const { status: _old, ...rest } = it;
      const next: DutyItem = { ...rest, selfCheck: check.selfCheck.trim() };
      return check.status === null ? next : { ...next, status: check.status };
    });
  });
}
