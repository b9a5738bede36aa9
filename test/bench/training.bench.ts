/**
 * 教育培训 on the largest city unit: the year's coverage (members, heads, leadership, new heads) and
 * each member's hours, against a baseline of one bare pass summing the same enrolments' hours by
 * member. The coverage page and the workbench recompute it on every change.
 */
import type { CommitteeSeat } from '../../shared/model/committeeSeat';
import type { Member } from '../../shared/model/member';
import type { Organisation } from '../../shared/model/organisation';
import type { Enrolment, TrainingClass } from '../../shared/model/training';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { trainingCoverage } from '../../shared/rules/training/trainingCoverage';
import { largestCityUnit, ms, timeIt } from './largestUnit';

export async function run(): Promise<void> {
  const unit = largestCityUnit();
  const members = (unit.records.member ?? []) as Member[];
  const classes = (unit.records.trainingClass ?? []) as TrainingClass[];
  const enrolments = (unit.records.enrolment ?? []) as Enrolment[];
  const seats = (unit.records.committeeSeat ?? []) as CommitteeSeat[];
  const organisations = (unit.records.organisation ?? []) as Organisation[];
  const split = classes.filter((c) => c.sessions.length > 0).length;
  console.log(`${unit.unit.name}: ${members.length} members, ${classes.length} classes (${split} kept per session), ${enrolments.length} enrolments`);

  const baseline = await timeIt(() => {
    const hours = new Map<string, number>();
    for (const e of enrolments) if (e.status !== 'absent') hours.set(e.memberId, (hours.get(e.memberId) ?? 0) + e.attendedHours);
    return hours.size;
  });
  const coverage = await timeIt(() =>
    trainingCoverage({ year: 2026, asOf: '2026-12-31', members, classes, enrolments, seats, organisations }, NATIONAL_PROFILE_V1),
  );
  console.log(`学时与覆盖率 coverage + hours of every member: ${ms(coverage)}  vs bare hours-by-member pass: ${ms(baseline)}  → ${(coverage / baseline).toFixed(1)}×`);
}
