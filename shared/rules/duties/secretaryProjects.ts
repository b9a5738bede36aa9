/**
 * 党组(党委)书记项目 of a year: how many projects, and how far their milestones are. A milestone
 * is overdue when it is not done and its due date is before `asOf`.
 */
import { compareIsoDates, daysBetween, yearOf, type IsoDate } from '../dates';
import { chineseDate } from '../text';
import type { TodoItem } from '../todos';

export interface SecretaryProjectFact {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly secretaryName: string;
  readonly milestones: readonly { readonly title: string; readonly due: IsoDate | null; readonly done: boolean }[];
  readonly deleted?: boolean;
}

export interface ProjectProgress {
  readonly id: string;
  readonly title: string;
  readonly secretaryName: string;
  readonly milestones: number;
  readonly done: number;
  readonly overdue: number;
  /** done / milestones, or null without milestones. */
  readonly share: number | null;
}

export interface SecretaryProjectProgress {
  readonly year: number;
  readonly projects: readonly ProjectProgress[];
  readonly milestones: number;
  readonly done: number;
  readonly overdue: number;
  readonly share: number | null;
}

export function secretaryProjectProgress(
  projects: readonly SecretaryProjectFact[],
  year: number,
  asOf: IsoDate,
): SecretaryProjectProgress {
  const out = projects
    .filter((p) => p.deleted !== true && p.year === year)
    .map((p) => {
      const done = p.milestones.filter((m) => m.done).length;
      const overdue = p.milestones.filter((m) => !m.done && m.due !== null && compareIsoDates(m.due, asOf) < 0).length;
      const n = p.milestones.length;
      return { id: p.id, title: p.title, secretaryName: p.secretaryName, milestones: n, done, overdue, share: n === 0 ? null : done / n };
    });
  const milestones = out.reduce((s, p) => s + p.milestones, 0);
  const done = out.reduce((s, p) => s + p.done, 0);
  return {
    year,
    projects: out,
    milestones,
    done,
    overdue: out.reduce((s, p) => s + p.overdue, 0),
    share: milestones === 0 ? null : done / milestones,
  };
}

// ── one milestone: its due state; the workbench's to-dos ─────────────────────────────────────────

/** Days before its due date that an open milestone shows as 即将到期 (the workbench lists it). */
export const MILESTONE_DUE_SOON_DAYS = 14;

export type MilestoneDueState = 'done' | 'overdue' | 'dueSoon' | 'onTrack' | 'noDue';

export interface MilestoneDue {
  readonly state: MilestoneDueState;
  /** Days from asOf to the due date (negative when overdue), or null when done or without one. */
  readonly daysLeft: number | null;
  /** The state in words, e.g. 已逾期 3 天. */
  readonly text: string;
}

/**
 * One milestone's state on `asOf`, consistent with `secretaryProjectProgress`: overdue is not done
 * with the due date before asOf (the due day itself is still in time).
 */
export function milestoneDue(m: { readonly due: IsoDate | null; readonly done: boolean }, asOf: IsoDate): MilestoneDue {
  if (m.done) return { state: 'done', daysLeft: null, text: '已完成' };
  if (m.due === null) return { state: 'noDue', daysLeft: null, text: '未设完成日期' };
  const daysLeft = daysBetween(asOf, m.due);
  if (daysLeft < 0) return { state: 'overdue', daysLeft, text: `已逾期 ${-daysLeft} 天` };
  if (daysLeft <= MILESTONE_DUE_SOON_DAYS) return { state: 'dueSoon', daysLeft, text: daysLeft === 0 ? '今天到期' : `还有 ${daysLeft} 天到期` };
  return { state: 'onTrack', daysLeft, text: `还有 ${daysLeft} 天` };
}

/**
 * The workbench's to-dos of 书记项目 on `asOf`: no project for the year of asOf (提醒), every
 * milestone of a live project not done and past its due date (紧急), and every one due within
 * MILESTONE_DUE_SOON_DAYS (提醒). Milestones of every year count: an overdue one of last year's
 * project is still owed.
 */
export function secretaryProjectTodos(projects: readonly SecretaryProjectFact[], asOf: IsoDate): TodoItem[] {
  const out: TodoItem[] = [];
  const live = projects.filter((p) => p.deleted !== true);
  const year = yearOf(asOf);
  if (!live.some((p) => p.year === year))
    out.push({
      key: `secretaryProject:none:${year}`,
      area: 'projects',
      severity: 'medium',
      title: `尚未登记${year}年书记项目`,
      detail: `党组(党委)书记每年应确定一个书记项目。请在“书记项目”中登记${year}年的项目名称、目标和工作节点。`,
      due: null,
    });
  for (const p of live) {
    p.milestones.forEach((m, i) => {
      const due = milestoneDue(m, asOf);
      if (due.state !== 'overdue' && due.state !== 'dueSoon') return;
      out.push({
        key: `secretaryProject:${p.id}:${i}`,
        area: 'projects',
        severity: due.state === 'overdue' ? 'high' : 'medium',
        title: `${due.state === 'overdue' ? '书记项目节点逾期' : '书记项目节点即将到期'}：${m.title}`,
        detail:
          due.state === 'overdue'
            ? `“${p.title}”的节点计划于${chineseDate(m.due)}完成，${due.text}。完成后请在“书记项目”中标记为已完成。`
            : `“${p.title}”的节点计划于${chineseDate(m.due)}完成，${due.text}。`,
        due: m.due,
        link: `/projects?year=${p.year}`,
      });
    });
  }
  return out;
}
