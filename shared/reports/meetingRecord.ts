/**
 * 会议记录: one meeting (kind, date, place, chair, recorder, attendance with absentees and reasons,
 * 列席人员 (name and post), a 民主评议党员 meeting's grades by grade with the 优秀 share checked,
 * topics, minutes, resolutions and votes), and an organisation's year of 三会一课 记录 (the year's
 * completion by kind, a list of the meetings, then each meeting's record on its own page).
 *
 * Attendance counts, quorum and whether a resolution passed come from shared/rules (quorum.ts);
 * the year's completion from meetingCompliance.
 */
import type { Meeting, Member, Organisation } from '../model';
import { appraisalGradeOf, observersOf } from '../model/meeting';
import { ABSENCE_REASON_LABELS, APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, MEETING_KIND_LABELS, type MeetingKind } from '../model/vocabulary';
import { appraisalSaveCheck, hasObservers } from '../rules/meetings/organisationalLife';
import { compareIsoDates, yearOf } from '../rules/dates';
import { hasCommitteeOn } from '../rules/organisations/seats';
import { meetingCompliance } from '../rules/meetings/meetingCompliance';
import {
  committeeMeetingQuorum,
  countAttendance,
  electionValidity,
  motionResult,
  voteQuorum,
  type ThresholdCheck,
} from '../rules/meetings/quorum';
import { chineseDate } from '../rules/text';
import { partyGroupName } from './annualDrafts';
import { NONE, ofDue, pct, tidy } from './format';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { gongwen, type Gongwen } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';
import type { UnitReportData } from './reportData';

export interface MeetingRecordOptions {
  readonly fonts?: ReportFontSet;
}

/**
 * A labelled line like a printed 会议记录本 (labels padded to four characters, in 黑体); a null
 * value leaves the label alone, for a block that follows (议题, 会议内容).
 */
function field(gw: Gongwen, label: string, value: string | null): PdfContent {
  if (value === null) return gw.flush([{ text: `${label}：`, role: 'heading1' }]);
  return gw.flush([
    { text: `${label}：`, role: 'heading1' },
    { text: value === '' ? NONE : value, role: 'body' },
  ]);
}

function nameOf(members: ReadonlyMap<string, Member>, id: string): string {
  return members.get(id)?.name ?? '（已不在名册）';
}

/** The quorum check that applies to a meeting of this kind, if any. */
function quorumOf(data: UnitReportData, meeting: Meeting): ThresholdCheck | null {
  const counts = countAttendance(meeting.attendance);
  switch (meeting.kind) {
    case 'branchGeneralMeeting':
      return voteQuorum(counts, data.profile);
    case 'branchCommitteeMeeting':
      return committeeMeetingQuorum(meeting, data.seats, data.profile);
    case 'electionAssembly':
      return electionValidity(counts, data.profile);
    default:
      return null;
  }
}

/** The content of one meeting's record (no page break), shared by the single record and the year book. */
export function meetingRecordContent(gw: Gongwen, data: UnitReportData, meeting: Meeting, organisation: Organisation | undefined): PdfContent[] {
  const members = new Map(data.members.map((m) => [m.id, m] as const));
  const counts = countAttendance(meeting.attendance);
  const present = meeting.attendance.filter((a) => a.status === 'present').map((a) => nameOf(members, a.memberId));
  const absent = meeting.attendance
    .filter((a) => a.status === 'absent')
    .map((a) => `${nameOf(members, a.memberId)}（${a.absenceReason === null ? '未说明原因' : ABSENCE_REASON_LABELS[a.absenceReason]}${a.note ? `，${a.note}` : ''}）`);
  const excluded = meeting.attendance
    .filter((a) => a.status === 'excluded')
    .map((a) => `${nameOf(members, a.memberId)}（${a.note}）`);
  const quorum = quorumOf(data, meeting);

  const out: PdfContent[] = [
    field(gw, '党 组 织', organisation?.name ?? NONE),
    field(gw, '会议类型', MEETING_KIND_LABELS[meeting.kind]),
    field(gw, '时　　间', chineseDate(meeting.date)),
    field(gw, '地　　点', meeting.place),
    field(gw, '主 持 人', meeting.chair),
    field(gw, '记 录 人', meeting.recorder),
  ];
  if (meeting.kind === 'partyLecture' || meeting.lecturer !== '') out.push(field(gw, '授 课 人', meeting.lecturer));
  out.push(
    field(
      gw,
      '应到人数',
      `${counts.shouldAttend}人${counts.shouldAttendNonVoting > 0 ? `（其中有表决权${counts.shouldAttendVoting}人，预备党员${counts.shouldAttendNonVoting}人）` : ''}`,
    ),
    field(gw, '实到人数', `${counts.present}人${counts.presentNonVoting > 0 ? `（其中有表决权${counts.presentVoting}人）` : ''}`),
    field(gw, '缺席人员', absent.length === 0 ? '无' : `${absent.length}人：${absent.join('、')}`),
  );
  if (excluded.length > 0) out.push(field(gw, '不计入应到', `${excluded.length}人：${excluded.join('、')}`));
  out.push(field(gw, '出席人员', present.length === 0 ? '无' : present.join('、')));
  const observers = observersOf(meeting);
  if (observers.length > 0 || hasObservers(meeting.kind))
    // a record from before 列席人员 could be entered has none recorded, which is not "none attended"
    out.push(field(gw, '列席人员', meeting.observers === undefined ? '未记录' : observers.length === 0 ? '无' : observers.map((o) => (o.post === '' ? o.name : `${o.name}（${o.post}）`)).join('、')));
  if (quorum !== null) out.push(field(gw, '人数情况', tidy(quorum.reason)));
  if (meeting.quorumWarning !== null) out.push(field(gw, '人数提示', meeting.quorumWarning));
  const appraisal = appraisalSaveCheck(meeting.kind, meeting.attendance, data.profile);
  if (appraisal !== null) {
    out.push(field(gw, '评议等次', appraisal.tally.graded === 0 ? '未评定等次' : tidy(appraisal.share.reason)));
    for (const grade of APPRAISAL_GRADES) {
      const who = meeting.attendance.filter((a) => a.status !== 'excluded' && a.voting && appraisalGradeOf(a) === grade).map((a) => nameOf(members, a.memberId));
      if (who.length > 0) out.push(gw.paragraph(`${APPRAISAL_GRADE_LABELS[grade]}（${who.length}人）：${who.join('、')}`));
    }
    const ungraded = meeting.attendance.filter((a) => a.status !== 'excluded' && a.voting && appraisalGradeOf(a) === null).map((a) => nameOf(members, a.memberId));
    if (ungraded.length > 0 && appraisal.tally.graded > 0) out.push(gw.paragraph(`未评定等次（${ungraded.length}人）：${ungraded.join('、')}`));
    const probationary = meeting.attendance.filter((a) => a.status !== 'excluded' && !a.voting).map((a) => nameOf(members, a.memberId));
    if (probationary.length > 0) out.push(gw.paragraph(`预备党员参加评议、不评定等次（${probationary.length}人）：${probationary.join('、')}`));
  }

  out.push(field(gw, '议　　题', meeting.topics.length === 0 ? NONE : null));
  if (meeting.topics.length > 0)
    out.push(...meeting.topics.map((t, i) => gw.paragraph(meeting.topics.length > 1 ? `${i + 1}.${t}` : t)));

  out.push(field(gw, '会议内容', null));
  const minutes = meeting.minutes
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  out.push(...(minutes.length === 0 ? [gw.paragraph('（未录入会议内容）')] : minutes.map((l) => gw.paragraph(l))));

  if (meeting.resolutions.length > 0) {
    out.push(field(gw, '决议及表决', null));
    meeting.resolutions.forEach((r, i) => {
      const result = motionResult(r, counts, data.profile);
      out.push(
        gw.paragraph(
          `${meeting.resolutions.length > 1 ? `${i + 1}.` : ''}${r.text}。表决结果：赞成${r.yes}票，反对${r.no}票，弃权${r.abstain}票；${tidy(result.reason)}。`,
        ),
      );
    });
  }
  // the signature line goes with the last lines of the record, never alone at the top of a page
  const signature = [gw.blank(1), gw.flush('主持人（签字）：　　　　　　　记录人（签字）：')];
  const last = out.pop();
  if (last !== undefined && typeof last === 'object' && 'stack' in last) out.push(...gw.keepWithTail(last, signature));
  else out.push(...(last === undefined ? [] : [last]), ...signature);
  return out;
}

function meetingTitle(organisation: Organisation | undefined, kind: MeetingKind): string {
  return `${organisation?.name ?? ''}${MEETING_KIND_LABELS[kind]}记录`;
}

/** The record of one meeting. Throws when the meeting is not in the data (a bug in the caller). */
export function buildMeetingRecord(data: UnitReportData, meetingId: string, options: MeetingRecordOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (meeting === undefined) throw new Error(`meeting ${meetingId} is not in the report data`);
  const organisation = data.organisations.find((o) => o.id === meeting.organisationId);
  const title = meetingTitle(organisation, meeting.kind);
  return gw.document({
    title,
    subject: `${chineseDate(meeting.date)}${MEETING_KIND_LABELS[meeting.kind]}记录`,
    author: partyGroupName(data),
    keywords: `会议记录,${MEETING_KIND_LABELS[meeting.kind]}`,
    content: [gw.title(title), gw.blank(1), ...meetingRecordContent(gw, data, meeting, organisation)],
  });
}

export interface MeetingBookOptions extends MeetingRecordOptions {
  /** Which kinds to include (default: every kind the organisation held). */
  readonly kinds?: readonly MeetingKind[];
}

/** An organisation's 三会一课 记录 of `data.year`: summary, list, then one record per page. */
export function buildMeetingBook(data: UnitReportData, organisationId: string, options: MeetingBookOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const organisation = data.organisations.find((o) => o.id === organisationId);
  if (organisation === undefined) throw new Error(`organisation ${organisationId} is not in the report data`);
  const { year, asOf, profile } = data;
  const meetings = data.meetings
    .filter(
      (m) =>
        m.organisationId === organisationId &&
        yearOf(m.date) === year &&
        compareIsoDates(m.date, asOf) <= 0 &&
        (options.kinds === undefined || options.kinds.includes(m.kind)),
    )
    .sort((a, b) => compareIsoDates(a.date, b.date));
  const hasCommittee = hasCommitteeOn(data.seats, organisationId, asOf);
  const compliance = meetingCompliance({ organisation, hasCommittee, meetings: data.meetings, year, asOf }, profile);
  const title = `${organisation.name}${year}年度“三会一课”记录`;

  const summary = gw.table({
    columns: [
      { header: '会议类型', width: '*' },
      { header: '要求', width: 90, align: 'center' },
      { header: '按期召开/应召开（期）', width: 120, align: 'center' },
      { header: '全年召开（次）', width: 80, align: 'center' },
    ],
    rows: [
      ...compliance.kinds.map((k) => [
        MEETING_KIND_LABELS[k.kind],
        `每${k.periodKind === 'month' ? '月' : k.periodKind === 'quarter' ? '季度' : '年'}${k.requiredPerPeriod}次`,
        ofDue(k.met, k.due),
        String(k.periods.reduce((s, p) => s + p.held, 0)),
      ]),
      ['合计', '', `${ofDue(compliance.completion.met, compliance.completion.due)}（${pct(compliance.completion.rate)}）`, ''],
    ],
  });
  const list = gw.table({
    columns: [
      { header: '序号', width: 26, align: 'center' },
      { header: '日期', width: 90, align: 'center' },
      { header: '会议类型', width: 76 },
      { header: '议题', width: '*' },
      { header: '应到/实到', width: 52, align: 'center' },
    ],
    rows: meetings.map((m, i) => {
      const c = countAttendance(m.attendance);
      return [String(i + 1), chineseDate(m.date), MEETING_KIND_LABELS[m.kind], m.topics.join('；') || NONE, `${c.shouldAttend}/${c.present}`];
    }),
    fontSize: 10.5,
  });

  const content: PdfContent[] = [
    gw.title(title),
    gw.blank(1),
    gw.flush(`党组织：${organisation.name}`),
    gw.flush(`统计截至：${chineseDate(asOf)}\u3000\u3000共${meetings.length}次会议`),
    gw.blank(1),
    summary,
    gw.blank(1),
    list,
  ];
  for (const m of meetings) {
    content.push(
      { ...gw.subtitle(`${chineseDate(m.date)}${MEETING_KIND_LABELS[m.kind]}记录`), pageBreak: 'before' },
      gw.blank(1),
      ...meetingRecordContent(gw, data, m, organisation),
    );
  }
  return gw.document({
    title,
    subject: `${year}年度“三会一课”记录`,
    author: partyGroupName(data),
    keywords: `三会一课,会议记录,${year}`,
    content,
  });
}
