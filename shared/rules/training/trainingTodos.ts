/**
 * The training area's to-dos for the workbench (机关条例 §18 全员培训, §31 新任党组织书记任职培训),
 * computed with `trainingCoverage` so the workbench says what the coverage page shows.
 *
 * - Coverage below the profile's target in the running year (the year of `asOf`), for members,
 *   organisation heads and leadership members, each its own item — from 1 October on (the last
 *   quarter, when there is still time to organise a class or a make-up), urgent in December.
 *   Earlier in the year a low share is normal and not flagged; after the year it can no longer be
 *   fixed, so it is not flagged either (the annual report shows it).
 * - Each new head without induction training (as the rule lists them, relative to `asOf`), due
 *   `INDUCTION_DUE_MONTHS` after appointment and urgent after that.
 *
 * Classes that start after `asOf` have not been held: their enrolments (which can only be 参训,
 * 缺训 or 补训) are not counted yet (`classesHeldBy`).
 */
import { COMMITTEE_POST_LABELS } from '../../model/vocabulary';
import { addMonths, compareIsoDates, isoDate, parseIsoDate, yearOf, type IsoDate } from '../dates';
import type { RuleProfile } from '../profile';
import { chineseDate } from '../text';
import type { TodoItem } from '../todos';
import { trainingCoverage, type CoverageFigure, type TrainingClassFact, type TrainingCoverageInput } from './trainingCoverage';

/** Local practice: coverage gaps are flagged from this month of the running year (the last quarter). */
export const COVERAGE_NOTICE_FROM_MONTH = 10;
/** Local practice: and are urgent from this month (December). */
export const COVERAGE_URGENT_FROM_MONTH = 12;
/** Local practice: a new head should have had induction training within this many months of appointment. */
export const INDUCTION_DUE_MONTHS = 6;

/** How many untrained names a to-do spells out before "等 N 人". */
const NAMES_SHOWN = 3;

/** The classes held by `asOf` (started on or before it); later ones are only planned. */
export function classesHeldBy<C extends Pick<TrainingClassFact, 'startDate' | 'deleted'>>(classes: readonly C[], asOf: IsoDate): C[] {
  return classes.filter((c) => c.deleted !== true && compareIsoDates(c.startDate, asOf) <= 0);
}

export interface TrainingTodoInput extends Omit<TrainingCoverageInput, 'year'> {
  readonly memberNames: ReadonlyMap<string, string>;
  readonly organisationNames: ReadonlyMap<string, string>;
}

function names(ids: readonly string[], memberNames: ReadonlyMap<string, string>): string {
  const shown = ids.slice(0, NAMES_SHOWN).map((id) => memberNames.get(id) ?? '（未知党员）');
  return ids.length > NAMES_SHOWN ? `${shown.join('、')}等 ${ids.length} 人` : shown.join('、');
}

const WHO = { members: '党员', heads: '党组织书记', leadership: '领导班子成员' } as const;

export function trainingTodos(input: TrainingTodoInput, profile: RuleProfile): TodoItem[] {
  const { asOf } = input;
  const year = yearOf(asOf);
  const month = parseIsoDate(asOf).month;
  const result = trainingCoverage({ ...input, year, classes: classesHeldBy(input.classes, asOf) }, profile);
  const out: TodoItem[] = [];

  if (month >= COVERAGE_NOTICE_FROM_MONTH) {
    const full = profile.training.coverageTargetBasisPoints === 10000;
    const yearEnd = isoDate(year, 12, 31);
    for (const key of ['members', 'heads', 'leadership'] as const) {
      const f: CoverageFigure = result[key];
      if (f.shouldTrain === 0 || f.metTarget) continue;
      out.push({
        key: `training-coverage:${year}:${key}`,
        area: 'training',
        severity: month >= COVERAGE_URGENT_FROM_MONTH ? 'high' : 'medium',
        title: `${year}年${WHO[key]}教育培训${full ? '尚未全员覆盖' : '覆盖率未达到目标'}`,
        detail: `${f.reason}。尚未参训：${names(f.untrainedMemberIds, input.memberNames)}。请在${chineseDate(yearEnd)}前安排培训或补训。`,
        due: yearEnd,
      });
    }
  }

  for (const h of result.newHeadsWithoutInduction) {
    const due = addMonths(h.appointedOn, INDUCTION_DUE_MONTHS);
    const organisation = input.organisationNames.get(h.organisationId) ?? '';
    const name = input.memberNames.get(h.memberId) ?? '（未知党员）';
    out.push({
      key: `training-induction:${h.memberId}`,
      area: 'training',
      severity: compareIsoDates(asOf, due) > 0 ? 'high' : 'medium',
      title: `新任${organisation}${COMMITTEE_POST_LABELS[h.post]}${name}：尚未参加任职培训`,
      detail: `${h.reason}。新任党组织书记应在任职前或任职后及时参加培训（机关条例第三十一条），请安排其参加${profile.training.inductionCategories.join('或')}。`,
      due,
    });
  }
  return out;
}
