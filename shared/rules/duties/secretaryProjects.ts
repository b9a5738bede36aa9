/**
 * 党组(党委)书记项目 of a year: how many projects, and how far their milestones are. A milestone
 * is overdue when it is not done and its due date is before `asOf`.
 */
import { compareIsoDates, type IsoDate } from '../dates';

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
