/** Small facts about classes the training screens show: dates in words, counts per class. */
import { missedSomething, type Enrolment, type TrainingClass } from '../../../shared/model/training';
import { compareIsoDates } from '../../../shared/rules/dates';
import { chineseDate, chineseMonthDay } from '../../../shared/rules/text';
import { compareChinese } from '../../../shared/rules/collation';

/** 3月10日, or 3月10日—3月12日; the year too when `withYear`. */
export function classDates(c: Pick<TrainingClass, 'startDate' | 'endDate'>, withYear = false): string {
  const day = withYear ? chineseDate : chineseMonthDay;
  return c.startDate === c.endDate ? day(c.startDate) : `${day(c.startDate)}—${day(c.endDate)}`;
}

export interface ClassCounts {
  enrolled: number;
  attended: number;
  absent: number;
  /** Absent and not made up anywhere. */
  absentNotMadeUp: number;
  /** 参训 with fewer hours than planned (sessions missed). */
  partial: number;
  /** Partial and not made up anywhere. */
  partialNotMadeUp: number;
  madeUp: number;
}

/**
 * Enrolments of each class, counted by status; absences and partial attendances made up elsewhere
 * are told apart. `classes` gives the planned hours (a class missing from it has no partials).
 */
export function classCounts(enrolments: readonly Enrolment[], classes: ReadonlyMap<string, Pick<TrainingClass, 'hours'>>): Map<string, ClassCounts> {
  const madeUpKeys = new Set(enrolments.filter((e) => e.makeUpOfClassId !== null).map((e) => `${e.memberId}|${e.makeUpOfClassId}`));
  const out = new Map<string, ClassCounts>();
  for (const e of enrolments) {
    const c = out.get(e.classId) ?? { enrolled: 0, attended: 0, absent: 0, absentNotMadeUp: 0, partial: 0, partialNotMadeUp: 0, madeUp: 0 };
    const madeUp = madeUpKeys.has(`${e.memberId}|${e.classId}`);
    c.enrolled++;
    if (e.status === 'attended') {
      c.attended++;
      const cls = classes.get(e.classId);
      if (cls && missedSomething(e, cls)) {
        c.partial++;
        if (!madeUp) c.partialNotMadeUp++;
      }
    } else if (e.status === 'madeUp') c.madeUp++;
    else {
      c.absent++;
      if (!madeUp) c.absentNotMadeUp++;
    }
    out.set(e.classId, c);
  }
  return out;
}

/** Newest first, then by title. */
export function compareClasses(a: TrainingClass, b: TrainingClass): number {
  return compareIsoDates(b.startDate, a.startDate) || compareChinese(a.title, b.title);
}

/**
 * What deleting a class takes with it, in words for the confirmation. In the 工委's workspace the
 * enrolments are the units' (it cannot delete them): the class can go only while nobody is enrolled.
 */
export function deleteWarning(classId: string, enrolments: readonly Enrolment[], mode: 'unit' | 'committee' = 'unit'): string {
  const own = enrolments.filter((e) => e.classId === classId);
  if (own.length === 0) return '删除记录保留在操作日志中。';
  if (mode === 'committee') {
    return `已有 ${new Set(own.map((e) => e.unitId)).size} 个单位为本班登记了 ${own.length} 人的参训情况，这些记录由单位填报，本班不能删除。如班次信息有误，请编辑修改。`;
  }
  const makeUps = own.filter((e) => e.makeUpOfClassId !== null).length;
  return `该班的 ${own.length} 条参训记录将一并删除，相关学时不再计入${
    makeUps > 0 ? `；其中 ${makeUps} 人在本班补训其他培训班，删除后那些缺训将恢复为“未补训”` : ''
  }。删除记录保留在操作日志中。`;
}
