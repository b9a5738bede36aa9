/**
 * A synced record in words, for the conflicts list: its human name (the member's name, the meeting's
 * date and kind…) and its fields as Chinese label + readable value, two versions side by side.
 * ID numbers and phone numbers are masked as everywhere else in the app; codes become their Chinese
 * labels; ids of other records become those records' names when known.
 */
import { CADRE_EXCHANGE_DIRECTION_LABELS } from '../../../shared/model/cadreExchange';
import { decodeRev } from '../../../shared/clock/hlc';
import { maskBirthDate, maskIdNumber, maskPhone } from '../../../shared/model/idNumber';
import { RECORD_FIELD_LABELS } from '../../../shared/model/registry';
import { RECORD_TABLE_LABELS, type RecordTable } from '../../../shared/model/tables';
import {
  CADRE_KIND_LABELS,
  CARD_COLOUR_LABELS,
  CARD_FIX_STATUS_LABELS,
  CARD_SUBJECT_KIND_LABELS,
  DUTY_REVIEW_FORMAT_LABELS,
  DUTY_REVIEW_RATING_LABELS,
  COMMITTEE_POST_LABELS,
  COMMITTEE_ROLE_LABELS,
  ENROLLED_UNIT_STATUS_LABELS,
  ENROLMENT_STATUS_LABELS,
  GENDER_LABELS,
  MEETING_KIND_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBERSHIP_KIND_LABELS,
  ORGANISATION_KIND_LABELS,
  PARTY_GROUP_KIND_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  SUPERVISION_VISIT_KIND_LABELS,
  TRAINING_ORGANISER_LABELS,
} from '../../../shared/model/vocabulary';

type Rec = Readonly<Record<string, unknown>>;

/** The name of another record by table and id, when this PC has it. */
export type NameLookup = (table: RecordTable, id: string) => string | undefined;

/** Fields that hold the id of another record, and that record's table. */
export const REFERENCE_FIELDS: Readonly<Record<string, RecordTable>> = {
  organisationId: 'organisation',
  parentId: 'organisation',
  memberId: 'member',
  classId: 'trainingClass',
  makeUpOfClassId: 'trainingClass',
  fundLineId: 'fundLine',
  meetingId: 'meeting',
};

const CODE_LABELS: Partial<Record<RecordTable, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  unit: { partyGroupKind: PARTY_GROUP_KIND_LABELS },
  organisation: { kind: ORGANISATION_KIND_LABELS },
  member: { gender: GENDER_LABELS, membership: MEMBERSHIP_KIND_LABELS, status: MEMBER_STATUS_LABELS, cadre: CADRE_KIND_LABELS },
  meeting: { kind: MEETING_KIND_LABELS },
  committeeSeat: { post: COMMITTEE_POST_LABELS, role: COMMITTEE_ROLE_LABELS },
  trainingClass: { organiser: TRAINING_ORGANISER_LABELS },
  enrolment: { status: ENROLMENT_STATUS_LABELS },
  rectification: { source: RECTIFICATION_SOURCE_LABELS, status: RECTIFICATION_STATUS_LABELS },
  card: { colour: CARD_COLOUR_LABELS, subjectKind: CARD_SUBJECT_KIND_LABELS, fixStatus: CARD_FIX_STATUS_LABELS },
  supervisionVisit: { kind: SUPERVISION_VISIT_KIND_LABELS },
  dutyReview: { format: DUTY_REVIEW_FORMAT_LABELS, rating: DUTY_REVIEW_RATING_LABELS },
  enrolledUnit: { status: ENROLLED_UNIT_STATUS_LABELS },
  cadreExchange: { direction: CADRE_EXCHANGE_DIRECTION_LABELS },
  projectRating: { rating: DUTY_REVIEW_RATING_LABELS },
};

// a birth date as its year only: beside a masked ID number it would complete it
const SENSITIVE: Readonly<Record<string, (s: string) => string>> = { idNumber: maskIdNumber, phone: maskPhone, birthDate: maskBirthDate };
const MONEY = new Set(['amountFen', 'budgetFen']);
/** Meta fields not worth a row: the id is the same on both sides; the rev becomes 修改时间. */
const HIDDEN = new Set(['id', 'unitId', 'rev']);
const MAX_TEXT = 120;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const short = (s: string, n = 24): string => (s.length > n ? `${s.slice(0, n)}…` : s);
const code = (table: RecordTable, field: string, v: unknown): string => CODE_LABELS[table]?.[field]?.[str(v)] ?? str(v);

/** When a revision was written, by this PC's calendar (from the rev's clock part). */
export function revTime(rev: string): string {
  const d = decodeRev(rev);
  return d.ok ? new Date(d.value.wallMs).toLocaleString('zh-CN', { hour12: false }) : '—';
}

export function revDevice(rev: string): string {
  const d = decodeRev(rev);
  return d.ok ? d.value.deviceId : '';
}

/** The record's human name, e.g. 王芳, 第一党支部 2026-03-15 支部党员大会, 2026年第3季度考核. */
export function recordName(table: RecordTable, r: Rec, names: NameLookup = () => undefined): string {
  const ref = (t: RecordTable, id: unknown) => (typeof id === 'string' ? names(t, id) : undefined);
  const join = (...parts: (string | undefined)[]) => parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
  switch (table) {
    case 'unit':
    case 'organisation':
    case 'member':
    case 'enrolledUnit':
    case 'attachment':
      return str(r.name);
    case 'meeting':
      return join(ref('organisation', r.organisationId), str(r.date), code(table, 'kind', r.kind));
    case 'election':
      return join(ref('organisation', r.organisationId), str(r.electedOn), '换届选举');
    case 'committeeSeat':
      return join(ref('organisation', r.organisationId), ref('member', r.memberId), code(table, 'post', r.post));
    case 'trainingClass':
    case 'secretaryProject':
    case 'notice':
    case 'publicity':
      return str(r.title);
    case 'enrolment':
      return join(ref('member', r.memberId), ref('trainingClass', r.classId) && `参加「${ref('trainingClass', r.classId)}」`) || '参训记录';
    case 'dutyList':
      return join(`${String(r.year)}年`, str(r.post), str(r.holderName));
    case 'rectification':
      return short(str(r.problem));
    case 'fundLine':
      return join(`${String(r.year)}年`, str(r.name));
    case 'expense':
      return join(str(r.date), short(str(r.purpose)));
    case 'careVisit':
      return join(str(r.date), str(r.visitedName));
    case 'commendation':
      return join(str(r.name), str(r.honour));
    case 'cadreExchange':
      return join(str(r.date), str(r.personName), code(table, 'direction', r.direction));
    case 'noticeRead':
      return ref('notice', r.noticeId) ? `已阅「${ref('notice', r.noticeId)}」` : '通知已读回执';
    case 'card':
      return join(str(r.issuedOn), code(table, 'colour', r.colour), short(str(r.trigger)));
    case 'dutyReview':
      return `${String(r.year)}年度述职评议`;
    case 'projectRating':
      return join(`${String(r.year)}年度书记项目`, code(table, 'rating', r.rating));
    case 'supervisionVisit':
      return join(str(r.date), code(table, 'kind', r.kind));
    case 'assessment':
      return `${str(r.quarter)}季度考核`;
    case 'receipt':
      return `第 ${String(r.highestSequence)} 号同步包的回执`;
    case 'ruleProfile': {
      const p = (r.profile ?? {}) as { version?: unknown; effectiveFrom?: unknown };
      return `第 ${String(p.version)} 版（${str(p.effectiveFrom)}起施行）`;
    }
  }
}

/** "党员「王芳」"; an empty name falls back to the end of the id. */
export function recordTitle(table: RecordTable, r: Rec, names?: NameLookup): string {
  const name = recordName(table, r, names).trim();
  return `${RECORD_TABLE_LABELS[table]}「${name || `编号尾号 ${str(r.id).slice(-6)}`}」`;
}

/** One field's value in words. */
export function fieldValue(table: RecordTable, field: string, v: unknown, names: NameLookup = () => undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return MONEY.has(field) ? `${(v / 100).toFixed(2)} 元` : String(v);
  if (typeof v === 'string') {
    const mask = SENSITIVE[field];
    if (mask) return mask(v);
    const target = REFERENCE_FIELDS[field];
    if (target) return names(target, v) ?? `（编号尾号 ${v.slice(-6)}）`;
    if (field === 'createdAt' || field === 'revokedAt' || field === 'receivedAt') {
      const t = Date.parse(v);
      return Number.isNaN(t) ? v : new Date(t).toLocaleString('zh-CN', { hour12: false });
    }
    const label = CODE_LABELS[table]?.[field]?.[v];
    return label ?? short(v, MAX_TEXT);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    if (v.every((x) => typeof x === 'string')) {
      const target = REFERENCE_FIELDS[field];
      return short((v as string[]).map((x) => (target ? (names(target, x) ?? x.slice(-6)) : x)).join('、'), MAX_TEXT);
    }
    return field === 'attendance' ? `${v.length} 人` : `${v.length} 项`;
  }
  if (typeof v === 'object') {
    const labels = RECORD_FIELD_LABELS[table];
    const parts = Object.entries(v as Rec).map(([k, x]) => `${labels[`${field}.${k}`] ?? k}：${fieldValue(table, k, x, names)}`);
    return short(parts.join('；'), MAX_TEXT);
  }
  return '—';
}

export interface FieldRow {
  readonly field: string;
  readonly label: string;
  readonly current: string;
  readonly other: string;
  readonly differs: boolean;
}

/**
 * Both versions field by field, in the order of the table's field labels, then any other field;
 * the first row is 修改时间 (from the revs). `differs` compares the stored values, not the words.
 */
export function compareVersions(table: RecordTable, current: Rec | undefined, other: Rec, names?: NameLookup): FieldRow[] {
  const labels = RECORD_FIELD_LABELS[table];
  const meta = ['updatedBy', 'createdAt', 'deleted'];
  const ordered = [...Object.keys(labels).filter((k) => !k.includes('.') && !meta.includes(k) && !HIDDEN.has(k)), ...meta];
  const keys = [...new Set([...ordered, ...Object.keys(current ?? {}), ...Object.keys(other)])].filter((k) => !HIDDEN.has(k));
  const rows: FieldRow[] = [
    {
      field: 'rev',
      label: '修改时间',
      current: current ? revTime(str(current.rev)) : '—',
      other: revTime(str(other.rev)),
      differs: current?.rev !== other.rev,
    },
  ];
  for (const field of keys) {
    if (!current && !(field in other)) continue;
    const a = current?.[field];
    const b = other[field];
    rows.push({
      field,
      label: labels[field] ?? field,
      current: current ? fieldValue(table, field, a, names) : '—',
      other: fieldValue(table, field, b, names),
      differs: JSON.stringify(a ?? null) !== JSON.stringify(b ?? null),
    });
  }
  return rows;
}
