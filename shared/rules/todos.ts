/**
 * The workbench's to-do list: what the rules say needs doing, each item in words with a due date.
 * Each source is a pure function; screens combine the sources they have data for (meetings owed,
 * training gaps and others join through the same `TodoItem`).
 */
import type { MembershipKind } from '../model/vocabulary';
import { addYears, daysBetween, type IsoDate } from './dates';
import { cadreRatio, type CadreRatioInput } from './organisations/cadreRatio';
import type { RuleProfile } from './profile';
import { chineseDate } from './text';
import { termLight, type ElectionFact, type TermOrganisation } from './organisations/termLight';
import { onRosterOn, type RosterMember } from './members/membership';
import { compareChinese, compareCodePoints } from './collation';

export type TodoArea = 'organisations' | 'members' | 'meetings' | 'training' | 'projects' | 'duties' | 'rectification' | 'funds' | 'care' | 'sync' | 'backup';

export interface TodoItem {
  /** Stable key, e.g. 'term:<orgId>'. */
  readonly key: string;
  readonly area: TodoArea;
  readonly severity: 'high' | 'medium' | 'low';
  readonly title: string;
  readonly detail: string;
  readonly due: IsoDate | null;
  /** Where the item is dealt with, when more precise than its area's page (e.g. a filtered list). */
  readonly link?: string;
  /**
   * For a to-do about a period that passes (a month's or a quarter's meetings): the period's last
   * day. Such to-dos of periods that ended before the 台账起始日期 are left off the workbench; a
   * standing obligation (an overdue 换届, an open 整改 item) has none and always shows.
   */
  readonly periodEnd?: IsoDate;
}

/** Days before the end of probation that the conversion reminder appears. */
export const CONVERSION_NOTICE_DAYS = 30;

export function termTodos(
  organisations: readonly (TermOrganisation & { readonly name: string })[],
  elections: readonly ElectionFact[],
  asOf: IsoDate,
  profile: RuleProfile,
): TodoItem[] {
  const out: TodoItem[] = [];
  for (const org of organisations) {
    const r = termLight({ organisation: org, elections, asOf }, profile);
    if (!r.applicable || r.light === 'green') continue;
    out.push({
      key: `term:${org.id}`,
      area: 'organisations',
      severity: r.light === 'red' ? 'high' : 'medium',
      title: r.daysLeft === null ? `${org.name}：未录入任期信息` : r.light === 'red' ? `${org.name}：换届已逾期` : `${org.name}：即将到期换届`,
      detail: r.reason,
      due: r.deadline,
    });
  }
  return out;
}

export interface ProbationaryMember extends RosterMember {
  readonly name: string;
  readonly membership: MembershipKind;
}

/** 预备党员 whose one-year probation ends within CONVERSION_NOTICE_DAYS or has ended: discuss conversion. */
export function conversionTodos(members: readonly ProbationaryMember[], asOf: IsoDate): TodoItem[] {
  const out: TodoItem[] = [];
  for (const m of members) {
    if (m.membership !== 'probationary' || !onRosterOn(m, asOf) || m.status !== 'active') continue;
    const due = addYears(m.joinedOn, 1);
    const left = daysBetween(asOf, due);
    if (left > CONVERSION_NOTICE_DAYS) continue;
    out.push({
      key: `conversion:${m.id}`,
      area: 'members',
      severity: left < 0 ? 'high' : 'medium',
      title: `预备党员${m.name}：${left < 0 ? '预备期已满，尚未转正' : '预备期即将届满'}`,
      detail:
        left < 0
          ? `预备期于${chineseDate(due)}届满，已过 ${-left} 天。请及时召开支部党员大会讨论转正，并在花名册中登记转正时间。`
          : `预备期将于${chineseDate(due)}届满（还有 ${left} 天），请及时讨论其转正问题。`,
      due,
    });
  }
  return out;
}

export function cadreRatioTodos(input: CadreRatioInput, profile: RuleProfile): TodoItem[] {
  const r = cadreRatio(input, profile);
  if (r.state !== 'below') return [];
  return [{ key: 'cadre-ratio', area: 'members', severity: 'medium', title: '专职党务干部配备不足', detail: r.reason, due: null }];
}

const SEVERITY: Record<TodoItem['severity'], number> = { high: 0, medium: 1, low: 2 };

/** Most urgent first: severity, then the earliest due date, then title. */
export function sortTodos(items: readonly TodoItem[]): TodoItem[] {
  return [...items].sort(
    (a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || compareCodePoints(a.due ?? '9999', b.due ?? '9999') || compareChinese(a.title, b.title),
  );
}

/**
 * The to-dos grouped by area, for the workbench: groups in `order` (the sidebar's), areas without
 * to-dos left out, each group's items in the order given (sorted: most urgent first).
 */
export function todosByArea(todos: readonly TodoItem[], order: readonly TodoArea[]): { area: TodoArea; items: TodoItem[] }[] {
  return order.map((area) => ({ area, items: todos.filter((t) => t.area === area) })).filter((g) => g.items.length > 0);
}

/**
 * The to-dos of periods that ended before the unit's 台账起始日期 (`start`) set apart: the workbench
 * lists `shown` and says how many it leaves out. A to-do that is not about a period (no
 * `periodEnd`) always shows, whatever its due date.
 */
export function splitAtLedgerStart(todos: readonly TodoItem[], start: IsoDate | null): { shown: TodoItem[]; before: TodoItem[] } {
  if (start === null) return { shown: [...todos], before: [] };
  const shown: TodoItem[] = [];
  const before: TodoItem[] = [];
  for (const t of todos) (t.periodEnd !== undefined && t.periodEnd < start ? before : shown).push(t);
  return { shown, before };
}
