/**
 * Training coverage (机关条例 §18: every member and every leadership member takes part in
 * concentrated training each year; §31: organisation heads trained in rotation, new heads before
 * or at appointment).
 *
 * Hours and "trained":
 * - An enrolment counts when it is not deleted, its status is attended (参训) or madeUp (补训), and
 *   its class exists and is not deleted.
 * - A make-up counts for the class it makes up: the credited class is `makeUpOfClassId` (when
 *   that class is known) else `classId`. Several enrolments crediting the same class for a member
 *   count once, for hours: their sum, but no more than the credited class's planned hours — a
 *   member who attended day 1 of a two-day class (课次, 8 of 16 h) and made up day 2 (8 h) has 16 h;
 *   a make-up entered twice still counts 16 — and never less than the largest single enrolment
 *   (a make-up in a longer class). When the class's planned hours are unknown or 0, the largest
 *   single enrolment counts.
 * - A class belongs to the year of its `startDate`.
 * - A member is trained in the year when at least one class of that year is credited to them
 *   (even if no hours were entered); hours = Σ credited hours.
 *
 * Who should be trained (the denominator): the reference day is 12月31日 of the year, or `asOf`
 * when earlier (a year in progress). Members on the unit's roster and 在职 (active) on the
 * reference day: members who joined or transferred in during the year count (they can still be
 * trained this year); members transferred out, retired or deceased before the reference day do
 * not (the unit receiving a transferred member counts them).
 * Heads: members holding a seat with a post in `profile.training.headPosts` (书记) on the
 * reference day, on any organisation. Leadership: members holding a seat on an organisation of
 * kind leadingGroup (党组/党委) on the reference day.
 *
 * New heads without induction (relative to `asOf`, whatever the year): a head seat held on `asOf`
 * that started within `newHeadWithinMonths` (12) months before `asOf` (start > asOf − 12 months),
 * whose member held no head seat before that seat's start (a re-elected or moved secretary is
 * not new), and who has no credited enrolment in a class whose category is one of
 * `inductionCategories` and whose startDate lies between appointment − `inductionLookbackMonths`
 * and `asOf` (both inclusive).
 */
import type { CommitteePost, OrganisationKind } from '../../model/vocabulary';
import { COMMITTEE_POST_LABELS } from '../../model/vocabulary';
import { addMonths, compareIsoDates, daysBetween, isWithin, isoDate, minDate, yearOf, type IsoDate } from '../dates';
import { isActiveMemberOn, type RosterMember } from '../members/membership';
import type { RuleProfile } from '../profile';
import { seatHeldOn, type CommitteeSeatFact } from '../organisations/seats';
import { chineseDate, percent, basisPointsPercent } from '../text';

export interface TrainingClassFact {
  readonly id: string;
  readonly category: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** Planned hours (计划学时); caps the hours credited for the class (see the module comment). */
  readonly hours?: number;
  readonly deleted?: boolean;
}

export interface EnrolmentFact {
  readonly classId: string;
  readonly memberId: string;
  readonly attendedHours: number;
  readonly status: 'attended' | 'absent' | 'madeUp';
  readonly makeUpOfClassId: string | null;
  readonly deleted?: boolean;
}

export interface OrganisationKindFact {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly deleted?: boolean;
}

export interface CreditedTraining {
  readonly hours: number;
  /** Ids of the credited classes (make-ups credited to the class they make up). */
  readonly classIds: readonly string[];
}

/**
 * Training credited to each member for classes of `year` (see the module comment). Members
 * without any credited class are absent from the map.
 */
export function creditedTrainingByMember(
  year: number,
  classes: readonly TrainingClassFact[],
  enrolments: readonly EnrolmentFact[],
  /** Classes starting after this day have not been held yet and credit nothing (a planned class's enrolments may already be entered). */
  heldBy?: IsoDate,
): Map<string, CreditedTraining> {
  const byId = new Map(classes.filter((c) => c.deleted !== true).map((c) => [c.id, c] as const));
  // member → credited class → hours of each crediting enrolment
  const credit = new Map<string, Map<string, number[]>>();
  for (const e of enrolments) {
    if (e.deleted === true || e.status === 'absent') continue;
    const own = byId.get(e.classId);
    if (own === undefined) continue;
    const target = (e.makeUpOfClassId !== null ? byId.get(e.makeUpOfClassId) : undefined) ?? own;
    if (yearOf(target.startDate) !== year) continue;
    if (heldBy !== undefined && compareIsoDates(own.startDate, heldBy) > 0) continue;
    const perMember = credit.get(e.memberId) ?? new Map<string, number[]>();
    const hours = Number.isFinite(e.attendedHours) && e.attendedHours > 0 ? e.attendedHours : 0;
    perMember.set(target.id, [...(perMember.get(target.id) ?? []), hours]);
    credit.set(e.memberId, perMember);
  }
  const out = new Map<string, CreditedTraining>();
  for (const [memberId, perClass] of credit) {
    let total = 0;
    for (const [classId, hours] of perClass) total += creditedHours(byId.get(classId)!.hours, hours);
    out.set(memberId, { hours: Math.round(total * 100) / 100, classIds: [...perClass.keys()] });
  }
  return out;
}

/** Hours credited for one class from the hours of the enrolments crediting it (module comment). */
function creditedHours(planned: number | undefined, hours: readonly number[]): number {
  const largest = Math.max(...hours);
  if (planned === undefined || !(planned > 0)) return largest;
  const sum = hours.reduce((a, b) => a + b, 0);
  return Math.max(largest, Math.min(planned, sum));
}

export interface CoverageFigure {
  readonly shouldTrain: number;
  readonly trained: number;
  /** trained / shouldTrain, or null when nobody should be trained. */
  readonly share: number | null;
  /** share ≥ the profile's target (exact). False when nobody should be trained. */
  readonly metTarget: boolean;
  readonly untrainedMemberIds: readonly string[];
  readonly reason: string;
}

export interface MemberHours {
  readonly memberId: string;
  readonly hours: number;
  readonly trained: boolean;
}

export interface NewHeadWithoutInduction {
  readonly memberId: string;
  readonly organisationId: string;
  readonly post: CommitteePost;
  readonly appointedOn: IsoDate;
  readonly daysSinceAppointment: number;
  readonly reason: string;
}

export interface TrainingCoverageInput {
  readonly year: number;
  readonly asOf: IsoDate;
  readonly members: readonly RosterMember[];
  readonly classes: readonly TrainingClassFact[];
  readonly enrolments: readonly EnrolmentFact[];
  readonly seats: readonly CommitteeSeatFact[];
  readonly organisations: readonly OrganisationKindFact[];
}

export interface TrainingCoverageResult {
  readonly year: number;
  /** 12月31日 of the year, or asOf when earlier. */
  readonly referenceDate: IsoDate;
  /** Hours of every member who should be trained, in input order. */
  readonly memberHours: readonly MemberHours[];
  readonly members: CoverageFigure;
  readonly heads: CoverageFigure;
  readonly leadership: CoverageFigure;
  readonly newHeadsWithoutInduction: readonly NewHeadWithoutInduction[];
}

function figure(
  who: string,
  ids: readonly string[],
  credited: Map<string, CreditedTraining>,
  profile: RuleProfile,
  year: number,
): CoverageFigure {
  const untrainedMemberIds = ids.filter((id) => !credited.has(id));
  const shouldTrain = ids.length;
  const trained = shouldTrain - untrainedMemberIds.length;
  const share = shouldTrain === 0 ? null : trained / shouldTrain;
  const target = profile.training.coverageTargetBasisPoints;
  const metTarget = shouldTrain > 0 && trained * 10000 >= target * shouldTrain;
  const reason =
    share === null
      ? `${year}年没有应参训的${who}`
      : `${year}年${who}应参训 ${shouldTrain} 人，已参训 ${trained} 人，覆盖率 ${percent(share)}，${
          metTarget ? '达到' : '未达到'
        }${target === 10000 ? '全员覆盖' : `${basisPointsPercent(target)} 的目标`}`;
  return { shouldTrain, trained, share, metTarget, untrainedMemberIds, reason };
}

function unique(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

export function trainingCoverage(input: TrainingCoverageInput, profile: RuleProfile): TrainingCoverageResult {
  const { year, asOf } = input;
  const { training } = profile;
  const referenceDate = minDate(isoDate(year, 12, 31), asOf);
  const credited = creditedTrainingByMember(year, input.classes, input.enrolments, input.asOf);

  const population = input.members.filter((m) => isActiveMemberOn(m, referenceDate));
  const memberHours = population.map((m) => ({
    memberId: m.id,
    hours: credited.get(m.id)?.hours ?? 0,
    trained: credited.has(m.id),
  }));

  const liveSeats = input.seats.filter((s) => s.deleted !== true);
  const isHeadPost = (p: CommitteePost): boolean => training.headPosts.includes(p);
  const heads = unique(liveSeats.filter((s) => isHeadPost(s.post) && seatHeldOn(s, referenceDate)).map((s) => s.memberId));
  const leading = new Set(input.organisations.filter((o) => o.deleted !== true && o.kind === 'leadingGroup').map((o) => o.id));
  const leadership = unique(
    liveSeats.filter((s) => leading.has(s.organisationId) && seatHeldOn(s, referenceDate)).map((s) => s.memberId),
  );

  return {
    year,
    referenceDate,
    memberHours,
    members: figure('党员', population.map((m) => m.id), credited, profile, year),
    heads: figure('党组织书记', heads, credited, profile, year),
    leadership: figure('领导班子成员', leadership, credited, profile, year),
    newHeadsWithoutInduction: newHeadsWithoutInduction(input, profile),
  };
}

function newHeadsWithoutInduction(input: TrainingCoverageInput, profile: RuleProfile): NewHeadWithoutInduction[] {
  const { asOf } = input;
  const { training } = profile;
  const classes = new Map(input.classes.filter((c) => c.deleted !== true).map((c) => [c.id, c] as const));
  const headSeats = input.seats.filter((s) => s.deleted !== true && training.headPosts.includes(s.post));
  const windowStart = addMonths(asOf, -training.newHeadWithinMonths);
  const out: NewHeadWithoutInduction[] = [];
  const listed = new Set<string>();
  const sorted = [...headSeats].sort((a, b) => compareIsoDates(a.from, b.from));
  for (const seat of sorted) {
    if (listed.has(seat.memberId)) continue;
    if (!seatHeldOn(seat, asOf) || compareIsoDates(seat.from, windowStart) <= 0) continue;
    const heldBefore = headSeats.some((s) => s.memberId === seat.memberId && compareIsoDates(s.from, seat.from) < 0);
    if (heldBefore) continue;
    const from = addMonths(seat.from, -training.inductionLookbackMonths);
    const inducted = input.enrolments.some((e) => {
      if (e.deleted === true || e.memberId !== seat.memberId || e.status === 'absent') return false;
      const own = classes.get(e.classId);
      if (own === undefined || !isWithin(own.startDate, from, asOf)) return false;
      const madeUp = e.makeUpOfClassId === null ? undefined : classes.get(e.makeUpOfClassId);
      return training.inductionCategories.includes(own.category) || (madeUp !== undefined && training.inductionCategories.includes(madeUp.category));
    });
    if (inducted) continue;
    listed.add(seat.memberId);
    const days = daysBetween(seat.from, asOf);
    out.push({
      memberId: seat.memberId,
      organisationId: seat.organisationId,
      post: seat.post,
      appointedOn: seat.from,
      daysSinceAppointment: days,
      reason: `${chineseDate(seat.from)}任${COMMITTEE_POST_LABELS[seat.post]}，至今 ${days} 天，尚未参加${training.inductionCategories.join('或')}`,
    });
  }
  return out;
}
