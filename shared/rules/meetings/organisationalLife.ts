/**
 * Organisational life of the 党组(党委) and 民主评议党员 (issue 14): who sat in (列席) at a 民主生活会
 * or a 理论学习中心组 session, and the grades of a 民主评议党员 meeting.
 *
 * 列席: the city's 意见 (the seed of this product) asks for “机关党委专职副书记列席部门民主生活会、
 * 理论学习中心组学习和有关会议”, and DOMAIN.md: “the 机关党委专职副书记 attends the unit's 民主生活会
 * and relevant 党组 meetings”. They are usually not members of the 党组, so they are not attendance
 * rows but the meeting's `observers` (name and post). A 民主生活会 or 中心组 session without the
 * 专职副书记 among them gets a warning — a hint, never a reason to refuse the record (the deputy may
 * have been away, or the post may be vacant).
 *
 * Grades (DOMAIN.md, 民主评议党员): 优秀/合格/基本合格/不合格; 预备党员 take part without a grade. A
 * row can be graded when the member has voting rights (a full member on the day) and is not
 * excluded from should-attend (absent members may be graded: many branches grade a member on sick
 * leave from the written self-assessment). The share of 优秀 is checked by
 * `excellentShareCheck` (../members/appraisal.ts) over the rows that carry a grade.
 */
import type { Attendance, Observer } from '../../model/meeting';
import { appraisalGradeOf } from '../../model/meeting';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, MEETING_KIND_LABELS, type AppraisalGrade, type MeetingKind } from '../../model/vocabulary';
import type { IsoDate } from '../dates';
import { excellentShareCheck, type ExcellentShareCheck } from '../members/appraisal';
import { seatHeldOn, type CommitteeSeatFact } from '../organisations/seats';
import type { RuleProfile } from '../profile';

/** Kinds whose record lists 列席人员: the 党组(党委)'s own meetings. */
export const OBSERVER_KINDS: readonly MeetingKind[] = ['democraticLifeMeeting', 'theoryStudyGroup', 'leadingGroupMeeting'];

/** Kinds the 机关党委专职副书记 is expected to sit in on (the city's 意见). */
export const DEPUTY_SECRETARY_EXPECTED_KINDS: readonly MeetingKind[] = ['democraticLifeMeeting', 'theoryStudyGroup'];

/** The post as the form offers it. */
export const ORGAN_DEPUTY_SECRETARY_POST = '机关党委专职副书记';

export function hasObservers(kind: MeetingKind): boolean {
  return OBSERVER_KINDS.includes(kind);
}

/** Whether a typed post names the 机关党委专职副书记 (“机关党委专职副书记”, “专职副书记”, with or without spaces). */
export function isOrganDeputySecretaryPost(post: string): boolean {
  return post.replace(/\s+/g, '').includes('专职副书记');
}

export interface ObserverCheck {
  readonly ok: boolean;
  readonly message: string;
}

/**
 * Whether the 机关党委专职副书记's 列席 is recorded, for the kinds that expect it; null for the
 * others. Never blocks saving.
 */
export function deputySecretaryObserverCheck(kind: MeetingKind, observers: readonly Observer[]): ObserverCheck | null {
  if (!DEPUTY_SECRETARY_EXPECTED_KINDS.includes(kind)) return null;
  const label = MEETING_KIND_LABELS[kind];
  const deputy = observers.find((o) => o.name.trim() !== '' && isOrganDeputySecretaryPost(o.post));
  if (deputy !== undefined) return { ok: true, message: `已记录机关党委专职副书记${deputy.name.trim()}列席${label}` };
  return {
    ok: false,
    message:
      `未记录机关党委专职副书记列席。按照市委关于市直单位党组（党委）落实机关党建主体责任的意见，机关党委专职副书记列席部门民主生活会、理论学习中心组学习；` +
      `如已列席，请在“列席人员”中添加（职务填“${ORGAN_DEPUTY_SECRETARY_POST}”）。此提示不影响保存。`,
  };
}

/** A seat as the 专职副书记 look-up needs it (committeeSeat records fit). */
export interface DeputySeatFact extends CommitteeSeatFact {
  readonly fullTime: boolean;
}

/**
 * Who holds a full-time 副书记 seat on a 机关党委 of the unit on `date` (member ids, in seat order):
 * the person the form offers to add as 列席. Usually one; none when the post is vacant or unrecorded.
 */
export function organDeputySecretariesOn(
  organisations: readonly { readonly id: string; readonly kind: string; readonly deleted?: boolean }[],
  seats: readonly DeputySeatFact[],
  date: IsoDate,
): string[] {
  const organCommittees = new Set(organisations.filter((o) => o.deleted !== true && o.kind === 'organCommittee').map((o) => o.id));
  const ids: string[] = [];
  for (const s of seats) {
    if (!organCommittees.has(s.organisationId) || s.post !== 'deputySecretary' || !s.fullTime || !seatHeldOn(s, date)) continue;
    if (!ids.includes(s.memberId)) ids.push(s.memberId);
  }
  return ids;
}

/** Whether a row can carry a grade: a full member (voting rights on the day) who is not excluded. */
export function isGradable(a: Pick<Attendance, 'voting' | 'status'>): boolean {
  return a.voting && a.status !== 'excluded';
}

/** A row with `grade` set, or without the field when null (absent = not graded, as stored). */
export function withGrade(a: Attendance, grade: AppraisalGrade | null): Attendance {
  const { appraisalGrade: _old, ...rest } = a;
  return grade === null ? rest : { ...rest, appraisalGrade: grade };
}

/**
 * The attendance as a meeting of `kind` stores it: grades only at a 民主评议党员 meeting and only on
 * gradable rows (a grade given before the kind was changed, or before the member was marked 不计入应到,
 * is dropped rather than refused).
 */
export function gradesForKind(kind: MeetingKind, attendance: readonly Attendance[]): Attendance[] {
  return attendance.map((a) => (a.appraisalGrade !== undefined && (kind !== 'democraticAppraisal' || !isGradable(a)) ? withGrade(a, null) : a));
}

export interface AppraisalTally {
  /** Rows graded, per grade. */
  readonly counts: Readonly<Record<AppraisalGrade, number>>;
  /** Rows with a grade. */
  readonly graded: number;
  /** Gradable rows still without a grade (with `graded`: the base of the 优秀 share). */
  readonly ungraded: number;
  /** Rows that take part without a grade: 预备党员 (excluded rows are not counted at all). */
  readonly withoutGrade: number;
}

/** The grades of a 民主评议党员 meeting's attendance. Grades on rows that cannot carry one are ignored. */
export function appraisalTally(attendance: readonly Attendance[]): AppraisalTally {
  const counts: Record<AppraisalGrade, number> = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 };
  let graded = 0;
  let ungraded = 0;
  let withoutGrade = 0;
  for (const a of attendance) {
    if (a.status === 'excluded') continue;
    if (!a.voting) {
      withoutGrade++;
      continue;
    }
    const grade = appraisalGradeOf(a);
    if (grade === null) ungraded++;
    else {
      counts[grade]++;
      graded++;
    }
  }
  return { counts, graded, ungraded, withoutGrade };
}

/** “优秀 3 人，合格 6 人，基本合格 0 人，不合格 0 人” (+ “；未评定等次 1 人”, “；预备党员 2 人不评定等次”). */
export function appraisalTallyWords(t: AppraisalTally): string {
  const parts = APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_LABELS[g]} ${t.counts[g]} 人`).join('，');
  return `${parts}${t.ungraded > 0 ? `；未评定等次 ${t.ungraded} 人` : ''}${t.withoutGrade > 0 ? `；预备党员 ${t.withoutGrade} 人参加评议、不评定等次` : ''}`;
}

export interface AppraisalSaveCheck {
  readonly tally: AppraisalTally;
  readonly share: ExcellentShareCheck;
  /** False: the record must not be saved as it is. */
  readonly ok: boolean;
  /** The refusal (or the confirmation), in words with the numbers. */
  readonly message: string;
}

/**
 * The grades of a 民主评议党员 meeting as the form saves them: refused when more members are graded
 * 优秀 than the profile's share allows of the full members taking part (every gradable row, graded
 * yet or not: a meeting graded in several sittings saves its first 优秀 grades; a complete record
 * gives the same limit). Null for other kinds.
 */
export function appraisalSaveCheck(kind: MeetingKind, attendance: readonly Attendance[], profile: RuleProfile): AppraisalSaveCheck | null {
  if (kind !== 'democraticAppraisal') return null;
  const tally = appraisalTally(attendance);
  const share = excellentShareCheck(tally.graded + tally.ungraded, tally.counts.excellent, profile);
  if (share.ok) return { tally, share, ok: true, message: share.reason };
  const over = share.excellentCount - share.maxExcellent;
  return {
    tally,
    share,
    ok: false,
    message: `评为“优秀”的人数超出规定，不能保存：${share.reason}。请将其中 ${over} 人改评为其他等次后再保存。`,
  };
}

export interface AppraisalHistoryEntry {
  readonly meetingId: string;
  readonly organisationId: string;
  readonly date: IsoDate;
  readonly year: number;
  readonly grade: AppraisalGrade;
}

export interface AppraisalMeetingFact {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: MeetingKind;
  readonly date: IsoDate;
  readonly deleted?: boolean;
  readonly attendance: readonly Pick<Attendance, 'memberId' | 'appraisalGrade' | 'voting' | 'status'>[];
}

/** Every member's 民主评议 grades over the years, oldest first (live 民主评议党员 meetings only). */
export function appraisalHistoryByMember(meetings: readonly AppraisalMeetingFact[]): Map<string, AppraisalHistoryEntry[]> {
  const byMember = new Map<string, AppraisalHistoryEntry[]>();
  for (const m of meetings) {
    if (m.deleted === true || m.kind !== 'democraticAppraisal') continue;
    for (const a of m.attendance) {
      const grade = appraisalGradeOf(a);
      if (grade === null || !isGradable(a)) continue;
      const entry: AppraisalHistoryEntry = { meetingId: m.id, organisationId: m.organisationId, date: m.date, year: Number(m.date.slice(0, 4)), grade };
      const list = byMember.get(a.memberId);
      if (list === undefined) byMember.set(a.memberId, [entry]);
      else list.push(entry);
    }
  }
  for (const list of byMember.values()) list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.meetingId.localeCompare(y.meetingId)));
  return byMember;
}

/** “2024年 合格、2025年 优秀” — a member's grades, one per year (the latest meeting of a year wins). */
export function appraisalHistoryWords(entries: readonly AppraisalHistoryEntry[]): string {
  const byYear = new Map<number, AppraisalGrade>();
  for (const e of entries) byYear.set(e.year, e.grade);
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, grade]) => `${year}年 ${APPRAISAL_GRADE_LABELS[grade]}`)
    .join('、');
}

export interface OrganisationalLifeFigures {
  /** The 党组(党委)'s 民主生活会 of the year held by `asOf`, oldest first, and whether the 专职副书记 sat in. */
  readonly democraticLife: readonly { readonly meetingId: string; readonly date: IsoDate; readonly deputySatIn: boolean }[];
  /** 理论学习中心组学习 sessions of the year held by `asOf`, and how many had the 专职副书记 列席. */
  readonly theoryStudy: { readonly sessions: number; readonly deputySatIn: number };
  /** 民主评议党员 meetings of the year held by `asOf` and their grades added up (every branch). */
  readonly appraisal: { readonly meetings: number; readonly tally: AppraisalTally };
}

export interface LifeMeetingFact extends AppraisalMeetingFact {
  readonly attendance: readonly Attendance[];
  readonly observers?: readonly Observer[];
}

/**
 * The year's figures of this module, for reports (the annual report's 组织生活 and 民主评议 lines):
 * meetings of `year` dated on or before `asOf`, tombstones left out.
 */
export function organisationalLifeFigures(meetings: readonly LifeMeetingFact[], year: number, asOf: IsoDate): OrganisationalLifeFigures {
  const ofYear = meetings
    .filter((m) => m.deleted !== true && m.date.startsWith(`${year}-`) && m.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const satIn = (m: LifeMeetingFact) => deputySecretaryObserverCheck(m.kind, m.observers ?? [])?.ok === true;
  const study = ofYear.filter((m) => m.kind === 'theoryStudyGroup');
  const appraisals = ofYear.filter((m) => m.kind === 'democraticAppraisal');
  const counts: Record<AppraisalGrade, number> = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 };
  let graded = 0;
  let ungraded = 0;
  let withoutGrade = 0;
  for (const m of appraisals) {
    const t = appraisalTally(m.attendance);
    for (const g of APPRAISAL_GRADES) counts[g] += t.counts[g];
    graded += t.graded;
    ungraded += t.ungraded;
    withoutGrade += t.withoutGrade;
  }
  return {
    democraticLife: ofYear.filter((m) => m.kind === 'democraticLifeMeeting').map((m) => ({ meetingId: m.id, date: m.date, deputySatIn: satIn(m) })),
    theoryStudy: { sessions: study.length, deputySatIn: study.filter(satIn).length },
    appraisal: { meetings: appraisals.length, tally: { counts, graded, ungraded, withoutGrade } },
  };
}
