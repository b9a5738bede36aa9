/**
 * The inputs of the training rules, from the live records: every figure on the training screens
 * and the workbench comes from `trainingCoverage` / `trainingTodos` over exactly these.
 * Classes that have not started by `asOf` are only planned and are left out (`classesHeldBy`).
 */
import type { CommitteeSeat } from '../../../shared/model/committeeSeat';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import type { Enrolment, TrainingClass } from '../../../shared/model/training';
import type { IsoDate } from '../../../shared/rules/dates';
import type { RuleProfile } from '../../../shared/rules/profile';
import type { TodoItem } from '../../../shared/rules/todos';
import { trainingCoverage, type TrainingCoverageResult } from '../../../shared/rules/training/trainingCoverage';
import { classesHeldBy, trainingTodos } from '../../../shared/rules/training/trainingTodos';

export interface TrainingFacts {
  readonly members: readonly Member[];
  readonly seats: readonly CommitteeSeat[];
  readonly organisations: readonly Organisation[];
  readonly classes: readonly TrainingClass[];
  readonly enrolments: readonly Enrolment[];
}

/** Coverage of `year` as known on `asOf` (today): a past year is judged on 12月31日. */
export function coverageOf(facts: TrainingFacts, year: number, asOf: IsoDate, profile: RuleProfile): TrainingCoverageResult {
  return trainingCoverage(
    {
      year,
      asOf,
      members: facts.members,
      classes: classesHeldBy(facts.classes, asOf),
      enrolments: facts.enrolments,
      seats: facts.seats,
      organisations: facts.organisations,
    },
    profile,
  );
}

/** The workbench's training to-dos. */
export function trainingTodoItems(facts: TrainingFacts, asOf: IsoDate, profile: RuleProfile): TodoItem[] {
  return trainingTodos(
    {
      asOf,
      members: facts.members,
      classes: facts.classes,
      enrolments: facts.enrolments,
      seats: facts.seats,
      organisations: facts.organisations,
      memberNames: new Map(facts.members.map((m) => [m.id, m.name])),
      organisationNames: new Map(facts.organisations.map((o) => [o.id, o.name])),
    },
    profile,
  );
}
