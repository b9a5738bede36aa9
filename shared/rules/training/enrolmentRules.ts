/**
 * The rules of 教育培训 writes: who may change which class, enrolment (报名), attendance (参训/缺训),
 * make-ups (补训) and what editing a class does to its enrolments. Pure functions over plain
 * records; each refusal is an `ExpectedError` with a Chinese message for the user. The repository
 * (renderer/db/trainingRepository.ts) reads the records inside its transaction, asks these rules,
 * and writes.
 *
 * Ownership (`recordOwner` in shared/model/tables.ts): a class the unit organises is the unit's; a
 * class the 工委 organises is the committee's — a unit cannot create, edit or delete it. Enrolments
 * are always the unit's, in its own classes and the committee's alike. The organiser of a class
 * never changes after it is created (it would hand the record to the other side).
 *
 * Invariants:
 * - a member is enrolled in a class at most once (live enrolments), and only while on the unit's
 *   roster during the class;
 * - 缺训 has a reason and 0 hours; 参训 has no reason; hours never exceed the class's planned hours;
 * - in a class kept per session (课次) every enrolment lists the sessions attended (缺训: none) and
 *   its hours are the sum of theirs — computed, never typed; without sessions the list is null;
 * - a make-up (补训 with `makeUpOfClassId`) makes up a live enrolment of the same member that MISSED
 *   something of an earlier (or same-day) class — 缺训, or 参训 with fewer hours than planned — and
 *   each such enrolment is made up at most once;
 * - an enrolment whose miss has been made up elsewhere cannot stop being a miss, be removed, or
 *   have its class deleted, until the make-up is removed;
 * - editing a class's sessions carries its enrolments along (`carryEnrolments`), refused when it
 *   would lose what was recorded.
 */
import { expectedError, type ExpectedError } from '../../errors/errors';
import type { Member } from '../../model/member';
import type { Organisation } from '../../model/organisation';
import { RECORD_OWNER, recordOwner } from '../../model/tables';
import { missedSomething, sessionLabel, sumHours, type Enrolment, type TrainingClass } from '../../model/training';
import type { EnrolmentStatus, WorkspaceMode } from '../../model/vocabulary';
import { compareIsoDates } from '../dates';
import { isActiveMemberOn, onRosterOn, organisationOn, type RosterMember } from '../members/membership';
import { subtreeIds } from '../organisations/setupHints';

export type TrainingRuleErrorKind =
  | 'committee-class'
  | 'organiser-fixed'
  | 'duplicate-enrolment'
  | 'not-on-roster'
  | 'absence-reason'
  | 'hours'
  | 'make-up'
  | 'has-make-up'
  | 'has-enrolments'
  | 'invalid-date';

export type TrainingRuleError = ExpectedError<TrainingRuleErrorKind | 'not-found'>;

// ── the records the rules consult ────────────────────────────────────────────────────────────

type ClassFacts = Pick<TrainingClass, 'id' | 'title' | 'startDate' | 'hours'>;
type EnrolmentFacts = Pick<Enrolment, 'id' | 'classId' | 'memberId' | 'status' | 'attendedHours' | 'makeUpOfClassId'>;

/**
 * What a rule may look up besides the records it is given: live classes and live enrolments (a
 * slice is enough — the classes named by the members' enrolments and the members' enrolments), and
 * members by id for their names (deleted ones too).
 */
export interface TrainingRecords {
  readonly classes: readonly ClassFacts[];
  readonly enrolments: readonly EnrolmentFacts[];
  readonly members: readonly Pick<Member, 'id' | 'name'>[];
}

function memberName(records: Pick<TrainingRecords, 'members'>, memberId: string): string {
  return records.members.find((m) => m.id === memberId)?.name ?? '该党员';
}

function liveClass(records: TrainingRecords, id: string): ClassFacts | null {
  return records.classes.find((c) => c.id === id) ?? null;
}

function classTitle(records: TrainingRecords, id: string): string {
  return liveClass(records, id)?.title ?? '（已删除的培训班）';
}

/** Live enrolments elsewhere that make up this enrolment's class for its member. */
export function makeUpsOf(e: Pick<Enrolment, 'classId' | 'memberId'>, records: Pick<TrainingRecords, 'enrolments'>): EnrolmentFacts[] {
  return records.enrolments.filter((x) => x.memberId === e.memberId && x.makeUpOfClassId === e.classId);
}

// ── hours and sessions ────────────────────────────────────────────────────────────────────────

/** 2.5 学时 — hours in words, to the hundredth. */
export function hoursText(h: number): string {
  return `${Math.round(h * 100) / 100} 学时`;
}

/** Hours of the given sessions of a class. */
export function hoursOfSessions(cls: Pick<TrainingClass, 'sessions'>, ids: readonly string[]): number {
  const wanted = new Set(ids);
  return sumHours(cls.sessions.filter((x) => wanted.has(x.id)).map((x) => x.hours));
}

export interface EnrolmentFields {
  readonly status: EnrolmentStatus;
  /** Typed in a class without sessions; computed from `attendedSessionIds` in a class with sessions. */
  readonly attendedHours: number;
  readonly absenceReason: string | null;
  readonly makeUpOfClassId: string | null;
  /** Sessions attended, in a class with sessions (null: every session, for a new 参训/补训). */
  readonly attendedSessionIds: readonly string[] | null;
}

/**
 * 缺训: 0 hours, no sessions; 参训: no reason; a make-up link only on 补训 (the schema refuses it
 * otherwise). In a class with sessions the list is kept in the class's order (null → all) and the
 * hours are its sum; without sessions the list is null.
 */
export function normaliseEnrolment(f: EnrolmentFields, cls: Pick<TrainingClass, 'sessions'>): EnrolmentFields {
  const reason = f.absenceReason?.trim() ? f.absenceReason.trim() : null;
  let sessions: string[] | null = null;
  let hours = f.attendedHours;
  if (cls.sessions.length > 0) {
    const wanted = f.attendedSessionIds === null ? null : new Set(f.attendedSessionIds);
    sessions = f.status === 'absent' ? [] : cls.sessions.filter((x) => wanted === null || wanted.has(x.id)).map((x) => x.id);
    hours = hoursOfSessions(cls, sessions);
  }
  const g = { ...f, attendedHours: hours, attendedSessionIds: sessions };
  if (f.status === 'absent') return { ...g, attendedHours: 0, absenceReason: reason, makeUpOfClassId: null };
  if (f.status === 'attended') return { ...g, absenceReason: null, makeUpOfClassId: null };
  return { ...g, absenceReason: reason };
}

/** 参训 with the class's planned hours (every session): a new enrolment, and 全部参训. */
export function fullAttendance(cls: Pick<TrainingClass, 'hours' | 'sessions'>): EnrolmentFields {
  return normaliseEnrolment({ status: 'attended', attendedHours: cls.hours, absenceReason: null, makeUpOfClassId: null, attendedSessionIds: null }, cls);
}

// ── who may change which class ────────────────────────────────────────────────────────────────

/** A new class must belong to the workspace creating it (a unit cannot register the 工委's classes, nor the reverse). */
export function newClassProblem(mode: WorkspaceMode, input: Pick<TrainingClass, 'organiser'>): ExpectedError<'committee-class'> | null {
  if (recordOwner('trainingClass', input) === mode) return null;
  return expectedError(
    'committee-class',
    mode === 'unit'
      ? '机关工委举办的培训班由工委通过同步包下发，本单位不能自行登记；本单位举办的培训班请选择主办方“本单位”。'
      : '单位自行举办的培训班由单位登记，工委只能登记工委举办的培训班。',
    ['organiser'],
  );
}

/** Editing or deleting a class: only its organiser's workspace may. */
export function classOwnerProblem(mode: WorkspaceMode, cls: Pick<TrainingClass, 'organiser'>): ExpectedError<'committee-class'> | null {
  if (recordOwner('trainingClass', cls) === mode) return null;
  return expectedError(
    'committee-class',
    mode === 'unit'
      ? '该培训班由机关工委举办，班次信息以工委下发的为准，本单位不能修改或删除；可以为本单位党员报名、登记参训情况。'
      : '该培训班由单位自行举办，工委只能查看，不能修改或删除。',
  );
}

// ── editing a class ───────────────────────────────────────────────────────────────────────────

export interface ClassPatch {
  readonly organiser?: TrainingClass['organiser'];
  readonly hours?: number;
  readonly startDate?: string;
  readonly sessions?: TrainingClass['sessions'];
}

/**
 * The checks of a class edit before it is written: the organiser never changes; planned hours
 * (without sessions) cannot drop below hours already recorded; a new start date keeps every
 * make-up after the class it makes up. `enrolments` are the class's live enrolments; `records`
 * holds the classes they and their members' enrolments name.
 */
export function classUpdateProblem(
  current: Pick<TrainingClass, 'organiser' | 'startDate' | 'sessions'>,
  patch: ClassPatch,
  enrolments: readonly EnrolmentFacts[],
  records: TrainingRecords,
): ExpectedError<'organiser-fixed' | 'hours' | 'invalid-date'> | null {
  if (patch.organiser !== undefined && patch.organiser !== current.organiser) {
    return expectedError('organiser-fixed', '培训班登记后不能更改主办方。如登记错了，请删除后重新登记。', ['organiser']);
  }
  const sessions = patch.sessions ?? current.sessions;
  if (patch.hours !== undefined && patch.hours > 0 && sessions.length === 0) {
    const planned = patch.hours;
    const over = enrolments.filter((e) => e.attendedHours > planned);
    if (over.length > 0) {
      const most = Math.max(...over.map((e) => e.attendedHours));
      return expectedError('hours', `已有 ${over.length} 人登记的参训学时（最多 ${hoursText(most)}）超过新的计划学时，请先调整他们的参训学时，或核对计划学时。`, ['hours']);
    }
  }
  if (patch.startDate !== undefined && patch.startDate !== current.startDate) {
    const startDate = patch.startDate;
    // make-ups held in this class must not come before the classes they make up …
    for (const e of enrolments) {
      if (e.makeUpOfClassId === null) continue;
      const missed = liveClass(records, e.makeUpOfClassId);
      if (missed && compareIsoDates(startDate, missed.startDate) < 0) {
        return expectedError('invalid-date', `本班有补训《${missed.title}》的记录，开始日期不能早于该培训班（${missed.startDate}）。`, ['startDate']);
      }
    }
    // … and make-ups of this class elsewhere must not come before it.
    for (const e of enrolments) {
      for (const m of makeUpsOf(e, records)) {
        const where = liveClass(records, m.classId);
        if (where && compareIsoDates(where.startDate, startDate) < 0) {
          return expectedError('invalid-date', `本班的缺训已在《${where.title}》（${where.startDate}）补训，开始日期不能晚于该补训班。`, ['startDate']);
        }
      }
    }
  }
  return null;
}

export interface CarriedEnrolment {
  readonly id: string;
  readonly attendedSessionIds: string[] | null;
  readonly attendedHours: number;
}

/**
 * The enrolments after a class's sessions changed from `before` to `after`: the changes to write,
 * or why the edit is refused.
 * - sessions removed leave every attendance list (refused if someone attended only those);
 * - a class split into sessions: those who attended in full attend every session, absences none;
 *   refused while someone is recorded with part of the hours (which sessions is unknown);
 * - sessions dropped altogether: enrolments keep their hours, typed from then on;
 * - hours of every enrolment are recomputed from its sessions;
 * - refused when a miss made up elsewhere would stop being a miss.
 */
export function carryEnrolments(
  before: Pick<TrainingClass, 'hours' | 'sessions'>,
  after: Pick<TrainingClass, 'hours' | 'sessions'>,
  enrolments: readonly Pick<Enrolment, 'id' | 'classId' | 'memberId' | 'status' | 'attendedHours' | 'attendedSessionIds'>[],
  records: TrainingRecords,
): { readonly ok: true; readonly changes: readonly CarriedEnrolment[] } | { readonly ok: false; readonly error: ExpectedError<'hours' | 'has-make-up'> } {
  const kept = new Set(after.sessions.map((x) => x.id));
  const changes: CarriedEnrolment[] = [];
  for (const e of enrolments) {
    let next: Omit<CarriedEnrolment, 'id'>;
    if (after.sessions.length === 0) {
      next = { attendedSessionIds: null, attendedHours: e.attendedHours };
    } else if (before.sessions.length === 0 || e.attendedSessionIds === null) {
      if (e.status !== 'absent' && before.hours > 0 && e.attendedHours < before.hours) {
        const name = memberName(records, e.memberId);
        return {
          ok: false,
          error: expectedError(
            'hours',
            `${name}登记的参训学时（${hoursText(e.attendedHours)}）少于计划学时，分次后无法确定其参加了哪几次课。请先将其参训学时改为计划学时（分次后再逐次取消未参加的课次），或暂不分次。`,
            ['sessions'],
          ),
        };
      }
      const ids = e.status === 'absent' ? [] : after.sessions.map((x) => x.id);
      next = { attendedSessionIds: ids, attendedHours: hoursOfSessions(after, ids) };
    } else {
      const ids = e.attendedSessionIds.filter((x) => kept.has(x));
      if (e.status !== 'absent' && ids.length === 0) {
        const name = memberName(records, e.memberId);
        const lost = e.attendedSessionIds.map((x) => before.sessions.findIndex((b) => b.id === x)).filter((i) => i >= 0);
        return {
          ok: false,
          error: expectedError(
            'hours',
            `${name}只参加了要删除的${lost.map((i) => sessionLabel(before.sessions[i]!, i)).join('、')}，删除后其参训记录将无课次可依。请先核对该课次，或将其改为缺训。`,
            ['sessions'],
          ),
        };
      }
      next = { attendedSessionIds: ids, attendedHours: hoursOfSessions(after, ids) };
    }
    if (missedSomething(e, before) && !missedSomething({ status: e.status, attendedHours: next.attendedHours }, after)) {
      const [m] = makeUpsOf(e, records);
      if (m) {
        return {
          ok: false,
          error: expectedError(
            'has-make-up',
            `${memberName(records, e.memberId)}在本班缺的课已在《${classTitle(records, m.classId)}》补训；改动课次后其将不再缺课，请先删除那条补训记录。`,
            ['sessions'],
          ),
        };
      }
    }
    const same = next.attendedHours === e.attendedHours && JSON.stringify(next.attendedSessionIds) === JSON.stringify(e.attendedSessionIds);
    if (!same) changes.push({ id: e.id, ...next });
  }
  return { ok: true, changes };
}

// ── deleting a class, removing an enrolment ───────────────────────────────────────────────────

/**
 * Deleting a class takes its enrolments along. Refused for the 工委 once a unit has enrolled members
 * (the enrolments are the units' records), and while an absence from it was made up elsewhere.
 */
export function classDeletionProblem(
  mode: WorkspaceMode,
  enrolments: readonly Pick<Enrolment, 'classId' | 'memberId' | 'unitId'>[],
  records: TrainingRecords,
): ExpectedError<'has-enrolments' | 'has-make-up'> | null {
  if (enrolments.length > 0 && RECORD_OWNER.enrolment !== mode) {
    const units = new Set(enrolments.map((e) => e.unitId)).size;
    return expectedError(
      'has-enrolments',
      `已有 ${units} 个单位为本班登记了 ${enrolments.length} 人的参训情况，这些记录由单位填报，工委不能删除，因此本班也不能删除。如班次信息有误，请编辑修改。`,
    );
  }
  for (const e of enrolments) {
    const [m] = makeUpsOf(e, records);
    if (m) {
      return expectedError('has-make-up', `${memberName(records, e.memberId)}缺训本班后已在《${classTitle(records, m.classId)}》补训。请先删除该补训记录，再删除本培训班。`);
    }
  }
  return null;
}

/** Taking a member off a class: refused for a miss made up elsewhere. */
export function enrolmentRemovalProblem(e: Pick<Enrolment, 'classId' | 'memberId'>, records: TrainingRecords): ExpectedError<'has-make-up'> | null {
  const [m] = makeUpsOf(e, records);
  if (!m) return null;
  return expectedError('has-make-up', `${memberName(records, e.memberId)}缺训本班后已在《${classTitle(records, m.classId)}》补训。请先删除那条补训记录，再移除本条。`);
}

/** 全部参训 leaves a make-up (补训) and a miss already made up elsewhere as they are. */
export function keptByMarkAll(e: Pick<Enrolment, 'classId' | 'memberId' | 'status' | 'attendedHours'>, cls: Pick<TrainingClass, 'hours'>, records: TrainingRecords): boolean {
  return e.status === 'madeUp' || (missedSomething(e, cls) && makeUpsOf(e, records).length > 0);
}

// ── enrolments ────────────────────────────────────────────────────────────────────────────────

/**
 * A new enrolment of `member` in `cls`: the member exists, is not enrolled there yet (`existing`:
 * the class's live enrolments), and is on the unit's roster on the class's first or last day.
 */
export function newEnrolmentProblem(
  cls: Pick<TrainingClass, 'title' | 'startDate' | 'endDate'>,
  member: (RosterMember & Pick<Member, 'id' | 'name'>) | null,
  existing: readonly Pick<Enrolment, 'memberId'>[],
): ExpectedError<'not-found' | 'duplicate-enrolment' | 'not-on-roster'> | null {
  if (!member) return expectedError('not-found', '所选党员不存在或已被删除，请刷新后重试。', ['memberId']);
  if (existing.some((e) => e.memberId === member.id)) {
    return expectedError('duplicate-enrolment', `${member.name}已报名《${cls.title}》，不能重复报名`, ['memberId']);
  }
  if (!onRosterOn(member, cls.startDate) && !onRosterOn(member, cls.endDate)) {
    return expectedError('not-on-roster', `${member.name}在培训期间（${cls.startDate}至${cls.endDate}）不在本单位党员名册中，不能报名`, ['memberId']);
  }
  return null;
}

/**
 * The checks every enrolment write passes: `f` are the normalised fields of the member's enrolment
 * in `cls`; `self` the enrolment being changed (null for a new one); `requested` the session ids the
 * user asked for before normalising (to refuse unknown ones). `records` holds the member's live
 * enrolments and the classes they name, and the class made up (`f.makeUpOfClassId`) when it is live.
 */
export function enrolmentProblem(input: {
  readonly cls: Pick<TrainingClass, 'id' | 'title' | 'startDate' | 'hours' | 'sessions'>;
  readonly memberId: string;
  readonly fields: EnrolmentFields;
  readonly self: Pick<Enrolment, 'id' | 'classId' | 'memberId' | 'status' | 'attendedHours'> | null;
  readonly requested?: readonly string[] | null;
  readonly records: TrainingRecords;
}): ExpectedError<'absence-reason' | 'hours' | 'has-make-up' | 'make-up'> | null {
  const { cls, memberId, fields: f, self, records } = input;
  const requested = input.requested ?? null;
  const name = memberName(records, memberId);
  if (f.status === 'absent' && f.absenceReason === null) {
    return expectedError('absence-reason', `请填写${name}的缺训原因`, ['absenceReason']);
  }
  if (f.attendedSessionIds !== null) {
    const known = new Set(cls.sessions.map((x) => x.id));
    if (f.attendedSessionIds.some((x) => !known.has(x)) || (requested !== null && requested.some((x) => !known.has(x)))) {
      return expectedError('hours', '所选课次不属于本培训班（课次可能已被修改），请刷新后重新勾选', ['attendedSessionIds']);
    }
    if (f.status !== 'absent' && f.attendedSessionIds.length === 0) {
      return expectedError('absence-reason', `${name}一次课都没有参加，请将参训情况改为“缺训”并填写原因`, ['attendedSessionIds']);
    }
  }
  if (cls.hours > 0 && f.attendedHours > cls.hours) {
    return expectedError('hours', `参训学时（${hoursText(f.attendedHours)}）不能超过本班计划学时（${hoursText(cls.hours)}），请核对`, ['attendedHours']);
  }
  if (self !== null && missedSomething(self, cls) && !missedSomething(f, cls)) {
    const [m] = makeUpsOf(self, records);
    if (m) {
      return expectedError('has-make-up', `${name}缺训本班后已在《${classTitle(records, m.classId)}》补训。如实际参加了本班，请先删除那条补训记录。`, ['status']);
    }
  }
  if (f.makeUpOfClassId !== null) {
    const missed = liveClass(records, f.makeUpOfClassId);
    if (!missed) return expectedError('make-up', '所补的培训班不存在或已被删除，请重新选择', ['makeUpOfClassId']);
    if (missed.id === cls.id) return expectedError('make-up', '所补的培训班不能是本培训班，请重新选择', ['makeUpOfClassId']);
    if (compareIsoDates(cls.startDate, missed.startDate) < 0) {
      return expectedError('make-up', `补训应在缺训之后：《${cls.title}》早于所补的《${missed.title}》，请重新选择`, ['makeUpOfClassId']);
    }
    const mine = records.enrolments.filter((e) => e.memberId === memberId);
    if (!mine.some((e) => e.classId === missed.id && missedSomething(e, missed))) {
      return expectedError('make-up', `${name}在《${missed.title}》中没有缺训或缺课记录，不能登记为补训`, ['makeUpOfClassId']);
    }
    const other = mine.find((e) => e.makeUpOfClassId === missed.id && e.id !== self?.id);
    if (other) {
      return expectedError('make-up', `${name}缺训的《${missed.title}》已在《${classTitle(records, other.classId)}》登记补训，不能重复补训`, ['makeUpOfClassId']);
    }
  }
  return null;
}

/** How an absence was made up: in another (later) class, or on its own (补学, no class recorded). */
export type MakeUpKind = 'inClass' | 'self';

/**
 * Recording a make-up of `missed` (the member's enrolment in `missedClass`): it must have missed
 * something, and on its own (补学) only a 缺训 can be made up (a partial miss is made up in a class,
 * or by ticking the sessions made up).
 */
export function makeUpProblem(
  missed: Pick<Enrolment, 'memberId' | 'status' | 'attendedHours'>,
  missedClass: Pick<TrainingClass, 'hours'>,
  kind: MakeUpKind,
  records: Pick<TrainingRecords, 'members'>,
): ExpectedError<'make-up'> | null {
  if (!missedSomething(missed, missedClass)) return expectedError('make-up', `${memberName(records, missed.memberId)}在本班全程参训，无需补训`);
  if (kind === 'self' && missed.status !== 'absent') {
    return expectedError('make-up', '部分缺课的补学请在补训班中登记（本人已有参训记录），或在本班勾选补上的课次', ['kind']);
  }
  return null;
}

/**
 * A make-up in `cls`, where the member is already enrolled (`there`): that enrolment becomes the
 * make-up — unless it is an absence too, or already makes up another class (one attendance makes up
 * one class).
 */
export function makeUpThereProblem(
  missed: Pick<Enrolment, 'classId' | 'memberId'>,
  cls: Pick<TrainingClass, 'title'>,
  there: Pick<Enrolment, 'status' | 'makeUpOfClassId'>,
  records: TrainingRecords,
): ExpectedError<'make-up'> | null {
  const name = memberName(records, missed.memberId);
  if (there.status === 'absent') return expectedError('make-up', `${name}在《${cls.title}》也是缺训，不能作为补训`, ['classId']);
  if (there.makeUpOfClassId !== null && there.makeUpOfClassId !== missed.classId) {
    return expectedError('make-up', `${name}在《${cls.title}》的参训已登记为《${classTitle(records, there.makeUpOfClassId)}》的补训，一次参训只能补一个培训班`, ['classId']);
  }
  return null;
}

// ── whom to enrol ─────────────────────────────────────────────────────────────────────────────

/**
 * The members of an organisation (and, by default, of every organisation under it) who are on the
 * roster and 在职 on the class's first day — "all members of …". For the preview in the form and
 * for enrolling an organisation.
 */
export function membersToEnrol(
  cls: Pick<TrainingClass, 'startDate'>,
  organisationId: string,
  organisations: readonly Organisation[],
  members: readonly Member[],
  includeSubtree = true,
): Member[] {
  const ids = includeSubtree ? subtreeIds(organisationId, organisations) : new Set([organisationId]);
  return members.filter((m) => {
    if (m.deleted || !isActiveMemberOn(m, cls.startDate)) return false;
    const at = m.postings.length === 0 ? m.organisationId : organisationOn(m, cls.startDate);
    return at !== null && ids.has(at);
  });
}
