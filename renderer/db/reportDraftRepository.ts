/**
 * The annual report's drafts (开头, 履行主体责任情况, 存在问题及原因, 下一步打算) as the cadre edits them: a local table
 * (`reportDrafts`), never synced — the schema v1 record list is fixed and the text is the unit's
 * own working copy; what the committee receives is the printed report. Every save appends a
 * version (the older ones stay, for going back); the newest version of a unit and year is the one
 * in use. Saving text identical to the newest version appends nothing.
 */
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { AnnualDrafts } from '../../shared/reports/annualDrafts';
import type { ReportDraftRow } from './localTypes';
import type { WriteContext } from './writeContext';
import { reportDraftVersions } from './queries/reports';
import { runWrite } from './runWrite';

/** Each part of a draft, in characters (a report is a few pages). */
export const MAX_DRAFT_CHARS = 20_000;
export const MAX_ADDRESSEE_CHARS = 60;
/** Versions kept per unit and year; older ones are dropped when a new one is saved. */
export const KEPT_DRAFT_VERSIONS = 50;

export interface ReportDraftInput extends AnnualDrafts {
  readonly unitId: string;
  readonly year: number;
  readonly addressee: string;
}

export type DraftError = ExpectedError<'draft-invalid'>;

function check(input: ReportDraftInput): DraftError | null {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2200) return expectedError('draft-invalid', '年度不正确。', ['year']);
  if (input.unitId.trim() === '') return expectedError('draft-invalid', '缺少单位。', ['unitId']);
  for (const [field, label] of [
    ['intro', '开头'],
    ['duties', '履行主体责任情况'],
    ['problems', '存在问题及原因'],
    ['nextSteps', '下一步打算'],
  ] as const)
    if (input[field].length > MAX_DRAFT_CHARS)
      return expectedError('draft-invalid', `“${label}”超过 ${MAX_DRAFT_CHARS} 字，请精简后再保存。`, [field]);
  if (input.addressee.trim().length > MAX_ADDRESSEE_CHARS) return expectedError('draft-invalid', `主送机关名称超过 ${MAX_ADDRESSEE_CHARS} 字。`, ['addressee']);
  return null;
}

const same = (a: ReportDraftRow, b: ReportDraftInput): boolean =>
  a.intro === b.intro && (a.duties ?? '') === b.duties && a.problems === b.problems && a.nextSteps === b.nextSteps && a.addressee === b.addressee.trim();

/** Saves a new version (or returns the newest when nothing changed). */
export async function saveReportDraft(ctx: WriteContext, input: ReportDraftInput): Promise<Result<ReportDraftRow, DraftError>> {
  const problem = check(input);
  if (problem !== null) return fail(problem);
  const db = ctx.db;
  return runWrite<ReportDraftRow, DraftError>(db, [db.reportDrafts], async () => {
    const versions = await reportDraftVersions(db, input.unitId, input.year);
    const newest = versions.at(-1);
    if (newest !== undefined && same(newest, input)) return ok(newest);
    const row: ReportDraftRow = {
      unitId: input.unitId,
      year: input.year,
      intro: input.intro,
      duties: input.duties,
      problems: input.problems,
      nextSteps: input.nextSteps,
      addressee: input.addressee.trim(),
      savedAt: ctx.now().toISOString(),
      savedBy: ctx.actor,
    };
    row.seq = await db.reportDrafts.add(row);
    const excess = versions.length + 1 - KEPT_DRAFT_VERSIONS;
    if (excess > 0) await db.reportDrafts.bulkDelete(versions.slice(0, excess).map((v) => v.seq ?? -1));
    return ok(row);
  });
}
