/**
 * 党建经费 (机关条例 §40): budget lines of a year and what was spent on them. Money is integer 分,
 * entered and shown as 元 with two decimals (`parseYuan`, `yuanInput`): no float ever holds money.
 * An expense counts for its fund line (whatever its date), unless deleted; expenses of lines that
 * are not of the year (or are deleted) are left out. A line is over budget when more was spent
 * on it than budgeted (a line budgeted 0 with spending is over budget too). Lines come out in the
 * order they were entered (`createdAt`, then id), whatever order they were read in.
 */
import { MAX_FEN } from '../../model/primitives';
import { yuan } from '../text';
import { isIsoDate, type IsoDate } from '../dates';
import type { TodoItem } from '../todos';

export interface FundLineFact {
  readonly id: string;
  readonly year: number;
  readonly name: string;
  readonly budgetFen: number;
  /** 专项经费 (absent: no). */
  readonly special?: boolean;
  /** When the line was entered: lines are listed in the order they were entered (then by id). */
  readonly createdAt?: string;
  readonly deleted?: boolean;
}

export interface ExpenseFact {
  readonly fundLineId: string;
  readonly date: IsoDate;
  readonly amountFen: number;
  readonly deleted?: boolean;
}

export interface FundLineUsage {
  readonly id: string;
  readonly name: string;
  readonly special: boolean;
  readonly budgetFen: number;
  readonly spentFen: number;
  /** budget − spent; negative when over budget. */
  readonly remainingFen: number;
  /** spent / budget, or null when the budget is 0. */
  readonly share: number | null;
  /** More spent than budgeted. */
  readonly over: boolean;
  /** How many live expenses the line has. */
  readonly expenseCount: number;
}

export interface FundUsage {
  readonly year: number;
  readonly lines: readonly FundLineUsage[];
  readonly budgetFen: number;
  readonly spentFen: number;
  readonly share: number | null;
  /** The year's lines that are over budget. */
  readonly overLines: readonly FundLineUsage[];
  readonly reason: string;
}

export function fundUsage(lines: readonly FundLineFact[], expenses: readonly ExpenseFact[], year: number): FundUsage {
  // one order wherever the lines are shown or named (screen, report, export), whatever order the store gave
  const ofYear = lines
    .filter((l) => l.deleted !== true && l.year === year)
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id));
  const spent = new Map<string, { fen: number; count: number }>();
  for (const e of expenses) {
    if (e.deleted === true) continue;
    const s = spent.get(e.fundLineId) ?? { fen: 0, count: 0 };
    spent.set(e.fundLineId, { fen: s.fen + e.amountFen, count: s.count + 1 });
  }
  const usage = ofYear.map((l): FundLineUsage => {
    const s = spent.get(l.id) ?? { fen: 0, count: 0 };
    return {
      id: l.id,
      name: l.name,
      special: l.special === true,
      budgetFen: l.budgetFen,
      spentFen: s.fen,
      remainingFen: l.budgetFen - s.fen,
      share: l.budgetFen === 0 ? null : s.fen / l.budgetFen,
      over: s.fen > l.budgetFen,
      expenseCount: s.count,
    };
  });
  const budgetFen = usage.reduce((s, l) => s + l.budgetFen, 0);
  const spentFen = usage.reduce((s, l) => s + l.spentFen, 0);
  const share = budgetFen === 0 ? null : spentFen / budgetFen;
  const reason =
    usage.length === 0
      ? `${year}年未录入党建经费预算`
      : `${year}年党建经费预算 ${usage.length} 项，共${yuan(budgetFen)}，已支出${yuan(spentFen)}`;
  return { year, lines: usage, budgetFen, spentFen, share, overLines: usage.filter((l) => l.over), reason };
}

/** A share as a percentage with one decimal: 0.8333 → '83.3%'; null (no budget) → '—'. */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

// ── 元 ↔ 分 ─────────────────────────────────────────────────────────────────────────────────────

export type YuanParse = { readonly ok: true; readonly fen: number } | { readonly ok: false; readonly message: string };

const FULL_WIDTH = /[０-９．，]/g;

/**
 * An amount typed in 元 (“1,234.5”, “0.1”, “１２．３０元”) as integer 分, by its digits — never through
 * a float, so 0.1 + 0.2 元 is exactly 30 分. At most two decimals; not negative; at most 100 亿元.
 */
export function parseYuan(input: string): YuanParse {
  const text = input
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,]/g, '')
    .replace(/元$/, '');
  if (text === '') return { ok: false, message: '请填写金额（单位：元）' };
  if (text.startsWith('-')) return { ok: false, message: '金额不能为负数，请核对' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!m) return { ok: false, message: '金额格式不正确，请填写数字，例如 1500 或 1234.56（单位：元）' };
  const [, whole = '', decimals = ''] = m;
  if (decimals.length > 2) return { ok: false, message: '金额最多保留两位小数（精确到分），请核对' };
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > 11) return { ok: false, message: '金额过大（超过100亿元），请核对单位是否为“元”' };
  const fen = Number(wholeDigits || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, message: '金额过大（超过100亿元），请核对单位是否为“元”' };
  return { ok: true, fen };
}

/** 分 as the 元 text a form shows for editing: 150000 → '1500.00', 5 → '0.05'. */
export function yuanInput(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// ── dates ─────────────────────────────────────────────────────────────────────────────────────

/** Why an expense cannot be dated `date` on a line of `lineYear` (null: it can). */
export function expenseDateProblem(date: string, lineYear: number): string | null {
  if (!isIsoDate(date)) return '支出日期格式不正确，请选择日期';
  const year = Number(date.slice(0, 4));
  if (year !== lineYear) return `支出日期（${date}）不在预算科目所属的${lineYear}年内，请核对日期，或改记到${year}年的预算科目`;
  return null;
}

// ── to-dos ────────────────────────────────────────────────────────────────────────────────────

/**
 * The workbench's to-dos of 经费保障 in the year of `asOf`: no budget line entered yet, and each
 * line spent over its budget.
 */
export function fundTodos(lines: readonly FundLineFact[], expenses: readonly ExpenseFact[], asOf: IsoDate): TodoItem[] {
  const year = Number(asOf.slice(0, 4));
  const usage = fundUsage(lines, expenses, year);
  if (usage.lines.length === 0)
    return [
      {
        key: `funds:no-budget:${year}`,
        area: 'funds',
        severity: 'medium',
        title: `${year}年党建工作经费预算尚未录入`,
        detail: `年度报告的“工作保障”部分取自经费台账。请在“经费保障”中录入${year}年的预算科目（如三会一课、主题党日、教育培训、专项经费）及其金额。`,
        due: null,
      },
    ];
  return usage.overLines.map((l) => ({
    key: `funds:over:${l.id}`,
    area: 'funds' as const,
    severity: 'high' as const,
    title: `${year}年经费科目“${l.name}”已超支`,
    detail: `预算${yuan(l.budgetFen)}，已支出${yuan(l.spentFen)}，超出${yuan(-l.remainingFen)}。请核对支出记录，或按规定调整预算。`,
    due: null,
  }));
}
