/**
 * 整改 progress of a year. The items of the year are those still open at its start or opened
 * during it: not deleted, and not closed (销号) before 1月1日. On `asOf`:
 * - closed: status 已销号 with `closedOn` on or before asOf;
 * - overdue: not closed and the deadline has passed (deadline < asOf);
 * - closedLate: closed after the deadline.
 */
import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_SOURCES, type RectificationSource, type RectificationStatus } from '../../model/vocabulary';
import { compareIsoDates, daysBetween, isoDate, type IsoDate } from '../dates';
import { chineseDate } from '../text';
import type { TodoItem } from '../todos';

export interface RectificationFact {
  readonly id: string;
  readonly status: RectificationStatus;
  readonly deadline: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly deleted?: boolean;
}

export interface RectificationProgress {
  readonly year: number;
  readonly asOf: IsoDate;
  readonly total: number;
  readonly closed: number;
  readonly inProgress: number;
  readonly open: number;
  readonly overdue: number;
  readonly closedLate: number;
  /** closed / total, or null when there is nothing to rectify. */
  readonly closedShare: number | null;
  readonly overdueIds: readonly string[];
}

export function rectificationProgress(items: readonly RectificationFact[], year: number, asOf: IsoDate): RectificationProgress {
  const yearStart = isoDate(year, 1, 1);
  const ofYear = items.filter(
    (r) => r.deleted !== true && !(r.status === 'closed' && r.closedOn !== null && compareIsoDates(r.closedOn, yearStart) < 0),
  );
  let closed = 0;
  let inProgress = 0;
  let open = 0;
  let closedLate = 0;
  const overdueIds: string[] = [];
  for (const r of ofYear) {
    const isClosed = r.status === 'closed' && r.closedOn !== null && compareIsoDates(r.closedOn, asOf) <= 0;
    if (isClosed) {
      closed++;
      if (r.deadline !== null && r.closedOn !== null && compareIsoDates(r.closedOn, r.deadline) > 0) closedLate++;
      continue;
    }
    if (r.status === 'open') open++;
    else inProgress++;
    if (r.deadline !== null && compareIsoDates(r.deadline, asOf) < 0) overdueIds.push(r.id);
  }
  const total = ofYear.length;
  return {
    year,
    asOf,
    total,
    closed,
    inProgress,
    open,
    overdue: overdueIds.length,
    closedLate,
    closedShare: total === 0 ? null : closed / total,
    overdueIds,
  };
}

// ── one item: its due state, the workbench's to-dos, the ledger's counts ─────────────────────────

/** Days before its deadline that an open item shows as 即将到期 (the workbench lists it). */
export const RECTIFICATION_DUE_SOON_DAYS = 14;

export type RectificationDueState = 'closed' | 'overdue' | 'dueSoon' | 'onTrack' | 'noDeadline';

export interface RectificationDue {
  readonly state: RectificationDueState;
  /** Days from asOf to the deadline (negative when overdue), or null without one or when closed. */
  readonly daysLeft: number | null;
  /** The state in words, e.g. 已超过整改时限 3 天. */
  readonly text: string;
}

/**
 * One item's due state on `asOf`, consistent with `rectificationProgress`: closed is status 已销号;
 * overdue is not closed with the deadline before asOf (the deadline day itself is still in time);
 * due soon is within RECTIFICATION_DUE_SOON_DAYS of the deadline.
 */
export function rectificationDue(item: Pick<RectificationFact, 'status' | 'deadline' | 'closedOn'>, asOf: IsoDate): RectificationDue {
  if (item.status === 'closed') {
    const late = item.deadline !== null && item.closedOn !== null ? daysBetween(item.deadline, item.closedOn) : 0;
    return { state: 'closed', daysLeft: null, text: `已于${chineseDate(item.closedOn)}销号${late > 0 ? `（超过整改时限 ${late} 天）` : ''}` };
  }
  if (item.deadline === null) return { state: 'noDeadline', daysLeft: null, text: '未设整改时限' };
  const daysLeft = daysBetween(asOf, item.deadline);
  if (daysLeft < 0) return { state: 'overdue', daysLeft, text: `已超过整改时限 ${-daysLeft} 天` };
  if (daysLeft <= RECTIFICATION_DUE_SOON_DAYS) return { state: 'dueSoon', daysLeft, text: daysLeft === 0 ? '今天到期' : `还有 ${daysLeft} 天到期` };
  return { state: 'onTrack', daysLeft, text: `还有 ${daysLeft} 天` };
}

export interface RectificationTodoFact extends RectificationFact {
  readonly problem: string;
  readonly owner: string;
}

function shortProblem(problem: string): string {
  const oneLine = problem.replace(/\s+/g, ' ').trim();
  return oneLine.length > 30 ? `${oneLine.slice(0, 30)}…` : oneLine;
}

/** The workbench's to-dos: every item past its deadline (紧急) or due within RECTIFICATION_DUE_SOON_DAYS (提醒). */
export function rectificationTodos(items: readonly RectificationTodoFact[], asOf: IsoDate): TodoItem[] {
  const out: TodoItem[] = [];
  for (const r of items) {
    if (r.deleted === true || r.deadline === null) continue;
    const due = rectificationDue(r, asOf);
    if (due.state !== 'overdue' && due.state !== 'dueSoon') continue;
    const who = r.owner.trim() === '' ? '请明确责任人，' : `请督促责任人${r.owner.trim()}`;
    out.push({
      key: `rectification:${r.id}`,
      area: 'rectification',
      severity: due.state === 'overdue' ? 'high' : 'medium',
      title: due.state === 'overdue' ? `整改事项逾期未销号：${shortProblem(r.problem)}` : `整改事项即将到期：${shortProblem(r.problem)}`,
      detail:
        due.state === 'overdue'
          ? `整改时限为${chineseDate(r.deadline)}，${due.text}。${who}抓紧整改；整改完成后在“整改落实”中销号。`
          : `整改时限为${chineseDate(r.deadline)}，${due.text}。${who}按时完成整改并销号。`,
      due: r.deadline,
    });
  }
  return out;
}

export interface RectificationCounts {
  readonly total: number;
  readonly open: number;
  readonly inProgress: number;
  readonly closed: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

/** The ledger's counts over every live item (all years), on `asOf`. */
export function rectificationCounts(items: readonly RectificationFact[], asOf: IsoDate): RectificationCounts {
  let open = 0;
  let inProgress = 0;
  let closed = 0;
  let overdue = 0;
  let dueSoon = 0;
  let total = 0;
  for (const r of items) {
    if (r.deleted === true) continue;
    total++;
    if (r.status === 'open') open++;
    else if (r.status === 'inProgress') inProgress++;
    else closed++;
    const state = rectificationDue(r, asOf).state;
    if (state === 'overdue') overdue++;
    else if (state === 'dueSoon') dueSoon++;
  }
  return { total, open, inProgress, closed, overdue, dueSoon };
}

// ── what the unit may do with an item ──────────────────────────────────────────────────────────

/** Sources of items the committee's records bring (a 红黄牌, a 述职评议): linked, their source and problem fixed. */
export const COMMITTEE_RECTIFICATION_SOURCES: readonly RectificationSource[] = ['card', 'dutyReview'];

/** Sources a unit chooses when it enters an item itself. */
export const UNIT_RECTIFICATION_SOURCES: readonly RectificationSource[] = RECTIFICATION_SOURCES.filter((s) => !COMMITTEE_RECTIFICATION_SOURCES.includes(s));

export function fromCommittee(source: RectificationSource): boolean {
  return COMMITTEE_RECTIFICATION_SOURCES.includes(source);
}

/** A refusal: the field it concerns and what to tell the user. */
export interface RectificationProblem {
  readonly field: 'source' | 'problem' | 'status' | 'closedOn' | 'evidence' | 'note' | 'noteDate' | null;
  readonly message: string;
}

const COMMITTEE_SOURCE_HINT = '“红黄牌”“述职评议”的整改事项由工委的回执带来，请在工作台的“工委通知与红黄牌”中建立。';

/** A new item the unit enters: a source of its own, not closed at once (销号 is its own step). */
export function newItemProblem(item: { readonly source: RectificationSource; readonly status: RectificationStatus }): RectificationProblem | null {
  if (fromCommittee(item.source)) return { field: 'source', message: COMMITTEE_SOURCE_HINT };
  if (item.status === 'closed') return { field: 'status', message: '新登记的整改事项不能直接销号：请先保存，整改完成后再点“销号”并填写销号日期。' };
  return null;
}

/**
 * An edit of an item: an item from the committee keeps its source and problem (they link it to the
 * card or review); no item becomes one from the committee; 销号 and 重新打开 are their own steps.
 */
export function editProblem(
  before: { readonly source: RectificationSource; readonly problem: string; readonly status: RectificationStatus },
  after: { readonly source: RectificationSource; readonly problem: string; readonly status: RectificationStatus },
): RectificationProblem | null {
  const origin = RECTIFICATION_SOURCE_LABELS[before.source];
  if (fromCommittee(before.source)) {
    if (after.source !== before.source) return { field: 'source', message: `该整改事项来自工委的${origin}，问题来源不能修改。` };
    if (after.problem.trim() !== before.problem.trim()) return { field: 'problem', message: `该整改事项来自工委的${origin}，问题描述以工委认定的为准，不能修改；整改情况请写在“整改措施及进展”中。` };
  } else if (fromCommittee(after.source)) {
    return { field: 'source', message: COMMITTEE_SOURCE_HINT };
  }
  if (before.status !== 'closed' && after.status === 'closed') return { field: 'status', message: '销号请使用“销号”按钮并填写销号日期。' };
  if (before.status === 'closed' && after.status !== 'closed') return { field: 'status', message: '该事项已销号：如需继续整改，请先点“重新打开”。' };
  return null;
}

/** 销号 on `closedOn` with the evidence: not twice, not in the future, not without evidence. */
export function closeProblem(item: { readonly status: RectificationStatus; readonly closedOn: IsoDate | null }, closedOn: IsoDate, evidence: string, asOf: IsoDate): RectificationProblem | null {
  if (item.status === 'closed') return { field: 'closedOn', message: `该整改事项已于${chineseDate(item.closedOn)}销号，无需再次销号。` };
  if (compareIsoDates(closedOn, asOf) > 0) return { field: 'closedOn', message: '销号日期不能晚于今天，请核对。' };
  if (evidence.trim() === '') return { field: 'evidence', message: '销号前请写明佐证材料（如整改报告、会议记录、制度文件），以备检查。' };
  return null;
}

/** 重新打开: only a closed item. */
export function reopenProblem(item: { readonly status: RectificationStatus }): RectificationProblem | null {
  return item.status === 'closed' ? null : { field: null, message: '该整改事项尚未销号，无需重新打开。' };
}

/** 删除: only an item the unit entered itself. */
export function deleteProblem(item: { readonly source: RectificationSource }): RectificationProblem | null {
  return fromCommittee(item.source)
    ? { field: null, message: `该整改事项来自工委的${RECTIFICATION_SOURCE_LABELS[item.source]}，不能删除；整改完成后请销号。` }
    : null;
}

/** A progress note (进展): dated, not in the future, not empty, on an item not yet closed. */
export function progressNoteProblem(item: { readonly status: RectificationStatus }, date: IsoDate, note: string, asOf: IsoDate): RectificationProblem | null {
  if (item.status === 'closed') return { field: null, message: '该整改事项已销号：如需继续记录进展，请先点“重新打开”。' };
  if (note.trim() === '') return { field: 'note', message: '请填写本次整改进展。' };
  if (compareIsoDates(date, asOf) > 0) return { field: 'noteDate', message: '进展日期不能晚于今天，请核对。' };
  return null;
}

/** The measures text with a dated progress line appended (记录进展 writes into 整改措施及进展). */
export function withProgressNote(measures: string, date: IsoDate, note: string): string {
  const line = `${chineseDate(date)}进展：${note.trim()}`;
  return measures.trim() === '' ? line : `${measures.trimEnd()}\n${line}`;
}
