/**
 * 党务干部双向交流 (two-way exchange of party-affairs cadres with line posts) and 党务干部任前考察:
 * the figures of a year (postings per direction), the posting into a party-affairs post without a
 * recorded 任前考察 (the 《意见》: 加强机关党务干部的任前考察把关), the checks of a write, and the
 * workbench to-dos. Records are facts of the unit's `cadreExchange` table (shared/model/cadreExchange.ts).
 */
import type { CadreExchangeDirection } from '../../model/cadreExchange';
import type { IsoDate } from '../dates';
import type { TodoItem } from '../todos';
import { careDateProblem, inYear } from './care';

export interface CadreExchangeFact {
  readonly id: string;
  readonly date: string;
  readonly personName: string;
  readonly direction: CadreExchangeDirection;
  readonly toPost: string;
  readonly vettedOn: string | null;
  readonly deleted?: boolean;
}

/** A posting into a party-affairs post without its 任前考察 recorded. */
export function lacksVetting(r: Pick<CadreExchangeFact, 'direction' | 'vettedOn'>): boolean {
  return r.direction === 'toPartyAffairs' && r.vettedOn === null;
}

export interface CadreExchangeFigures {
  readonly year: number;
  readonly total: number;
  /** 业务岗位→党务岗位. */
  readonly toPartyAffairs: number;
  /** 党务岗位→业务岗位. */
  readonly toLine: number;
  /** Postings into a party-affairs post with a 任前考察 recorded. */
  readonly vetted: number;
  /** Postings into a party-affairs post without one, by date. */
  readonly unvetted: readonly CadreExchangeFact[];
}

/** The live postings dated in `year` (up to `upTo` when given), counted per direction. */
export function cadreExchangeFigures(records: readonly CadreExchangeFact[], year: number, upTo?: IsoDate): CadreExchangeFigures {
  const ofYear = records
    .filter((r) => r.deleted !== true && inYear(r.date, year) && (upTo === undefined || r.date <= upTo))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const into = ofYear.filter((r) => r.direction === 'toPartyAffairs');
  const unvetted = into.filter(lacksVetting);
  return { year, total: ofYear.length, toPartyAffairs: into.length, toLine: ofYear.length - into.length, vetted: into.length - unvetted.length, unvetted };
}

export interface CadreExchangeInputFacts {
  readonly date: string;
  readonly personName: string;
  readonly direction: CadreExchangeDirection;
  readonly vettedOn: string | null;
}

export interface CadreExchangeProblem {
  readonly message: string;
  readonly field: 'date' | 'personName' | 'vettedOn';
}

/**
 * What refuses a write: a name, a date not after today, and a 任前考察 that is not after the
 * posting (nor after today). A posting into a party-affairs post WITHOUT a 任前考察 is not refused —
 * it may be entered before the assessment's papers are at hand — but it is flagged (`lacksVetting`)
 * in the list, on the workbench and in the annual report.
 */
export function cadreExchangeProblem(input: CadreExchangeInputFacts, today: IsoDate): CadreExchangeProblem | null {
  if (input.personName.trim() === '') return { message: '请填写交流干部的姓名', field: 'personName' };
  const date = careDateProblem(input.date, today, '交流日期');
  if (date) return { message: date, field: 'date' };
  if (input.direction === 'toPartyAffairs' && input.vettedOn !== null) {
    const vetted = careDateProblem(input.vettedOn, today, '任前考察日期');
    if (vetted) return { message: vetted, field: 'vettedOn' };
    if (input.vettedOn > input.date)
      return { message: `任前考察应在任职之前进行：任前考察日期（${input.vettedOn}）不能晚于交流日期（${input.date}），请核对`, field: 'vettedOn' };
  }
  return null;
}

/** Workbench to-dos: each live posting into a party-affairs post without its 任前考察 recorded. */
export function cadreExchangeTodos(records: readonly CadreExchangeFact[], asOf: IsoDate): TodoItem[] {
  return records
    .filter((r) => r.deleted !== true && lacksVetting(r) && r.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((r) => ({
      key: `care:vetting:${r.id}`,
      area: 'care' as const,
      severity: 'medium' as const,
      title: `${r.personName.trim()}交流到党务岗位，未登记任前考察`,
      detail: `${r.date}${r.toPost.trim() ? `交流到“${r.toPost.trim()}”` : '交流到党务岗位'}。按照加强机关党务干部任前考察把关的要求，请在“关怀激励 → 双向交流”中补录任前考察的日期和结果。`,
      due: null,
      link: `/care?tab=exchange&year=${r.date.slice(0, 4)}`,
    }));
}
