/**
 * 签到表: the names of those expected at a planned meeting or a training class, two to a row, each
 * with a blank cell to sign in. For a meeting: its attendance list without those excluded with
 * approval (不计入应到), or — for a meeting planned without a list — the members of the
 * organisation on the day. For a class: its enrolments.
 *
 * A meeting of the 党组(党委) (民主生活会, 理论学习中心组学习, 党组会议) also prints a 列席人员 table
 * below the attendees: those recorded as 列席 with their posts (the 机关党委专职副书记 above all),
 * or blank rows to sign when none is recorded yet. They do not count in 应到人数.
 */
import { observersOf } from '../model/meeting';
import { sessionLabel } from '../model/training';
import { hasObservers } from '../rules/meetings/organisationalLife';
import { MEETING_KIND_LABELS, PARTY_GROUP_KIND_LABELS } from '../model/vocabulary';
import type { IsoDate } from '../rules/dates';
import { isActiveMemberOn, organisationOn } from '../rules/members/membership';
import { chineseDate } from '../rules/text';
import { partyGroupName } from './annualDrafts';
import { NONE } from './format';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { gongwen, type TableColumn } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';
import { trainingDates, trainingPlace, trainingSignInRows, type TrainingSignInInput } from '../training/signInSheet';
import type { UnitReportData } from './reportData';

export interface SignInPerson {
  readonly name: string;
  /** e.g. the organisation, shown small under the name. */
  readonly note?: string;
}

export interface SignInSheet {
  readonly title: string;
  /** Lines under the title: [label, value]. */
  readonly details: readonly (readonly [string, string])[];
  readonly people: readonly SignInPerson[];
  /** Who issues the sheet (metadata). */
  readonly author: string;
  /**
   * A class kept per session (课次): the sessions in words, e.g. 第1次（3月10日 上午）. The sheet is
   * then printed once per session, each on its own page, so each session is signed for.
   */
  readonly sessions?: readonly string[];
  /**
   * 列席人员 (name and post), printed in a table of their own below the attendees, not counted in
   * 应到人数; [] prints that table with blank rows only; absent prints no such table.
   */
  readonly observers?: readonly { readonly name: string; readonly post: string }[];
}

export interface SignInOptions {
  readonly fonts?: ReportFontSet;
  /** Blank rows added for people not on the list (列席, 补签). Default 2 rows. */
  readonly spareRows?: number;
}

export function buildSignInSheet(sheet: SignInSheet, options: SignInOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const withNotes = sheet.people.some((p) => p.note !== undefined && p.note !== '');
  // with the organisation to show, one person a row; otherwise two, side by side
  const perRow = withNotes ? 1 : 2;
  const spare = (options.spareRows ?? 2) * perRow;
  const slots: (SignInPerson | null)[] = [...sheet.people, ...Array.from({ length: spare }, () => null)];
  while (slots.length % perRow !== 0) slots.push(null);
  const rows: string[][] = [];
  for (let i = 0; i < slots.length; i += perRow) {
    const row: string[] = [];
    for (let j = 0; j < perRow; j++) {
      const p = slots[i + j] ?? null;
      row.push(String(i + j + 1), p?.name ?? '');
      if (withNotes) row.push(p?.note ?? '');
      row.push('');
    }
    rows.push(row);
  }
  const block: TableColumn[] = withNotes
    ? [
        { header: '序号', width: 30, align: 'center' },
        { header: '姓名', width: 80, align: 'center' },
        { header: '所在党组织', width: '*', align: 'center' },
        { header: '签名', width: 150 },
      ]
    : [
        { header: '序号', width: 26, align: 'center' },
        { header: '姓名', width: 92, align: 'center' },
        { header: '签名', width: '*' },
      ];
  const columns = perRow === 1 ? block : [...block, ...block];
  const observerTable = (): PdfContent[] => {
    if (sheet.observers === undefined) return [];
    const listed = sheet.observers.map((o) => [o.name, o.post]);
    const blank = Array.from({ length: listed.length === 0 ? 2 : 1 }, () => ['', '']);
    return [
      gw.blank(1),
      gw.flush('列席人员：'),
      gw.table({
        columns: [
          { header: '序号', width: 30, align: 'center' },
          { header: '姓名', width: 80, align: 'center' },
          { header: '职务', width: '*', align: 'center' },
          { header: '签名', width: 150 },
        ],
        rows: [...listed, ...blank].map(([name, post], i) => [String(i + 1), name ?? '', post ?? '', '']),
        fontSize: 12,
        rowHeight: 32,
      }),
    ];
  };
  const page = (session: string | null): PdfContent[] => [
    gw.title(sheet.title),
    ...(session === null ? [] : [gw.subtitle(session, 16)]),
    gw.blank(1),
    ...sheet.details.map(([label, value]) => gw.flush(`${label}：${value === '' ? NONE : value}`)),
    gw.flush(`应到人数：${sheet.people.length}人\u3000\u3000实到人数：\u3000\u3000\u3000人`),
    gw.blank(1),
    gw.table({ columns, rows, fontSize: 12, rowHeight: 32 }),
    ...observerTable(),
  ];
  const sessions = sheet.sessions ?? [];
  return gw.document({
    title: sheet.title,
    subject: '签到表',
    author: sheet.author,
    keywords: '签到表',
    content: sessions.length === 0 ? page(null) : sessions.map((session, i) => ({ stack: page(session), ...(i > 0 ? { pageBreak: 'before' as const } : {}) })),
  });
}

/** The sheet of a meeting (planned or held). Throws when the meeting is not in the data. */
export function signInSheetForMeeting(data: UnitReportData, meetingId: string): SignInSheet {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (meeting === undefined) throw new Error(`meeting ${meetingId} is not in the report data`);
  const organisation = data.organisations.find((o) => o.id === meeting.organisationId);
  const members = new Map(data.members.map((m) => [m.id, m] as const));
  const expected =
    meeting.attendance.length > 0
      ? meeting.attendance.filter((a) => a.status !== 'excluded').map((a) => members.get(a.memberId)?.name ?? '')
      : membersOfOrganisationOn(data, meeting.organisationId, meeting.date);
  return {
    title: `${organisation?.name ?? ''}${MEETING_KIND_LABELS[meeting.kind]}签到表`,
    details: [
      ['会议时间', chineseDate(meeting.date)],
      ['会议地点', meeting.place],
      ['会议议题', meeting.topics.join('；')],
    ],
    people: expected.filter((n) => n !== '').map((name) => ({ name })),
    author: partyGroupName(data),
    ...(hasObservers(meeting.kind) || observersOf(meeting).length > 0 ? { observers: observersOf(meeting).map((o) => ({ name: o.name, post: o.post })) } : {}),
  };
}

/** Members of an organisation (its own roster, not its sub-organisations') on a day, in roster order. */
function membersOfOrganisationOn(data: UnitReportData, organisationId: string, date: IsoDate): string[] {
  return data.members
    .filter((m) => isActiveMemberOn(m, date) && (m.postings.length === 0 ? m.organisationId : organisationOn(m, date)) === organisationId)
    .map((m) => m.name);
}

/** A training class's sheet as `buildSignInSheet` takes it, from shared/training/signInSheet.ts's rows, dates and place. */
export function trainingSignInSheet(input: TrainingSignInInput): SignInSheet {
  const cls = input.trainingClass;
  return {
    title: `${cls.title}签到表`,
    details: [
      ['培训时间', trainingDates(cls)],
      ['培训地点', trainingPlace(cls)],
      ['授课人', cls.lecturer],
      ['培训类别', `${cls.category}${cls.format ? `（${cls.format}）` : ''}`],
    ],
    people: trainingSignInRows(input).map((r) => (r.organisation === '' ? { name: r.name } : { name: r.name, note: r.organisation })),
    author: `中共${input.unit.name}${PARTY_GROUP_KIND_LABELS[input.unit.partyGroupKind]}`,
    ...(cls.sessions && cls.sessions.length > 0 ? { sessions: cls.sessions.map((x, i) => `${sessionLabel(x, i)}，${x.hours}学时`) } : {}),
  };
}

/**
 * The sheet of a training class: its enrolled members, by organisation in tree order (the rows are
 * shared/training/signInSheet.ts's, which the training pages show too). Throws when the class is
 * not in the data.
 */
export function signInSheetForTraining(data: UnitReportData, classId: string): SignInSheet {
  const trainingClass = data.trainingClasses.find((c) => c.id === classId);
  if (trainingClass === undefined) throw new Error(`training class ${classId} is not in the report data`);
  return trainingSignInSheet({
    trainingClass,
    enrolments: data.enrolments,
    members: data.members,
    organisations: data.organisations,
    unit: data.unit,
  });
}
