/**
 * fast-check arbitraries that produce VALID records for every table (they satisfy every schema
 * check, cross-field ones included), for property tests here and in the sync/bundle tests.
 * Test-only code: nothing in the app imports it.
 */
import fc from 'fast-check';
import { encodeRev, MAX_COUNTER } from '../../clock/hlc';
import { createUuidV7Generator } from '../../ids/uuidv7';
import { CADRE_EXCHANGE_DIRECTIONS } from '../cadreExchange';
import { creditCodeCheckChar } from '../creditCode';
import { DUTY_ITEM_STATUSES } from '../dutyList';
import { idNumberCheckChar } from '../idNumber';
import type { RecordOf } from '../registry';
import { RECORD_TABLES } from '../tables';
import type { RecordTable } from '../tables';
import { sumHours } from '../training';
import { NATIONAL_PROFILE_V1 } from '../../rules/profile';
import {
  ABSENCE_REASONS,
  APPRAISAL_GRADES,
  CADRE_KINDS,
  CARD_COLOURS,
  CARD_FIX_STATUSES,
  CARD_SUBJECT_KINDS,
  DUTY_REVIEW_FORMATS,
  DUTY_REVIEW_RATINGS,
  COMMITTEE_POSTS,
  COMMITTEE_ROLES,
  ENROLLED_UNIT_STATUSES,
  ENROLMENT_STATUSES,
  MEETING_KINDS,
  MEMBER_STATUSES,
  MEMBERSHIP_KINDS,
  ORGANISATION_KINDS,
  PARTY_GROUP_KINDS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  SUPERVISION_VISIT_KINDS,
  TRAINING_ORGANISERS,
} from '../vocabulary';

// ── building blocks ────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const T_2020 = Date.UTC(2020, 0, 1);
const T_2035 = Date.UTC(2035, 0, 1);

/** A valid lower-case UUIDv7 made around 2020–2035. */
export const uuidV7Arbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: T_2020, max: T_2035 }), fc.uint8Array({ minLength: 10, maxLength: 10 }))
  .map(([t, bytes]) => createUuidV7Generator({ now: () => t, random: () => bytes })());

/** A device id as the app makes them (a UUIDv7), or a short hand-written one. */
export const deviceIdArbitrary: fc.Arbitrary<string> = fc.oneof(
  uuidV7Arbitrary,
  fc.stringMatching(/^[0-9A-Za-z_-]{1,16}$/),
);

/** A valid rev. */
export function revArbitrary(deviceId?: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      wallMs: fc.integer({ min: T_2020, max: T_2035 }),
      counter: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: MAX_COUNTER })),
      deviceId: deviceId ?? deviceIdArbitrary,
    })
    .map(encodeRev);
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00.000Z`) / DAY_MS);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `iso` plus `days` days. */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** A valid IsoDate between `min` and `max` (inclusive). */
export function isoDateArbitrary(min = '1950-01-01', max = '2040-12-31'): fc.Arbitrary<string> {
  return fc.integer({ min: dayNumber(min), max: dayNumber(max) }).map(fromDayNumber);
}

/** Two IsoDates in order (equal allowed). */
export function datePairArbitrary(min?: string, max?: string): fc.Arbitrary<readonly [string, string]> {
  return fc.tuple(isoDateArbitrary(min, max), isoDateArbitrary(min, max)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
}

/** A later date or null. */
function laterOrNull(after: string, maxDays = 3000): fc.Arbitrary<string | null> {
  return fc.option(fc.integer({ min: 0, max: maxDays }).map((d) => addDays(after, d)), { nil: null });
}

export const isoInstantArbitrary: fc.Arbitrary<string> = fc
  .integer({ min: T_2020, max: T_2035 })
  .map((t) => new Date(t).toISOString());

const SAMPLE_WORDS = [
  '第一党支部',
  '机关党委',
  '张伟',
  '王芳',
  '学习贯彻党的二十大精神',
  '会议室',
  '红色教育基地',
  '党支部书记示范培训',
  '现场教学式',
  '走访慰问困难党员',
  '整改措施已落实',
  '约谈',
  'A座 301',
];

/** Trimmed text, '' allowed unless `required`; at most `max` UTF-16 units. */
export function textArbitrary(max = 50, required = false): fc.Arbitrary<string> {
  const raw = fc.oneof(
    fc.constantFrom(...SAMPLE_WORDS),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ maxLength: 12 }),
  );
  return raw.map((s) => s.trim()).filter((s) => s.length <= max && (!required || s.length > 0));
}

const requiredTextArbitrary = (max = 50): fc.Arbitrary<string> => textArbitrary(max, true);

const REGION_CODES = ['110101', '110105', '310104', '350102', '350203', '440304', '510107', '650102'];

/** A valid 18-character ID number with the given birth date and gender (or arbitrary ones). */
export function idNumberArbitrary(birthDate?: string, gender?: 'male' | 'female'): fc.Arbitrary<string> {
  return fc
    .record({
      region: fc.constantFrom(...REGION_CODES),
      birth: birthDate === undefined ? isoDateArbitrary('1930-01-01', '2006-12-31') : fc.constant(birthDate),
      seq: fc.integer({ min: 0, max: 499 }),
      male: gender === undefined ? fc.boolean() : fc.constant(gender === 'male'),
    })
    .map(({ region, birth, seq, male }) => {
      const sequence = String(seq * 2 + (male ? 1 : 0)).padStart(3, '0');
      const first17 = `${region}${birth.replaceAll('-', '')}${sequence}`;
      return first17 + idNumberCheckChar(first17);
    });
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('');

/** A valid 统一社会信用代码. */
export const creditCodeArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('1', '5', '9', 'Y'),
    fc.constantFrom(...CREDIT_CHARSET),
    fc.constantFrom(...REGION_CODES),
    fc.array(fc.constantFrom(...CREDIT_CHARSET), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, region, rest]) => {
    const first17 = `${a}${b}${region}${rest.join('')}`;
    return first17 + creditCodeCheckChar(first17);
  });

export const phoneArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^1[3-9]\d{9}$/),
  fc.stringMatching(/^0\d{2,3}-\d{7,8}$/),
);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] ?? '';
    out += B64[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '=';
  }
  return out;
}

export const publicKeyArbitrary: fc.Arbitrary<string> = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(base64);

const sha256Arbitrary = fc.stringMatching(/^[0-9a-f]{64}$/);
const yearArbitrary = fc.integer({ min: 2000, max: 2040 });
const fenArbitrary = fc.oneof(fc.integer({ min: 0, max: 10_000_00 }), fc.integer({ min: 0, max: 1_000_000_000_000 }));
const hoursArbitrary = fc.integer({ min: 0, max: 4000 }).map((n) => n / 4);
const scoreArbitrary = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
const nullableId = fc.option(uuidV7Arbitrary, { nil: null });

// ── meta ───────────────────────────────────────────────────────────────────────────────────────

export interface RecordArbitraryOptions {
  /** Make every record belong to this unit (for the `unit` table: be this unit). */
  readonly unitId?: string;
  /** Make every rev come from this device. */
  readonly deviceId?: string;
}

function metaArbitrary(table: RecordTable, options: RecordArbitraryOptions) {
  const unitId = options.unitId === undefined ? uuidV7Arbitrary : fc.constant(options.unitId);
  return fc
    .record({
      id: uuidV7Arbitrary,
      unitId,
      rev: revArbitrary(options.deviceId === undefined ? undefined : fc.constant(options.deviceId)),
      deleted: fc.boolean(),
      updatedBy: requiredTextArbitrary(100),
      createdAt: isoInstantArbitrary,
    })
    .map((m) => (table === 'unit' ? { ...m, id: m.unitId } : m));
}

// ── records (fields without meta) ──────────────────────────────────────────────────────────────

type Fields<T extends RecordTable> = Omit<RecordOf<T>, 'id' | 'unitId' | 'rev' | 'deleted' | 'updatedBy' | 'createdAt'>;
type FieldsArbitraries = { [T in RecordTable]: (unitId: string, id: string) => fc.Arbitrary<Fields<T>> };

const FIELDS: FieldsArbitraries = {
  unit: () =>
    fc.record({
      name: requiredTextArbitrary(),
      creditCode: creditCodeArbitrary,
      staffCount: fc.integer({ min: 1, max: 5000 }),
      partyGroupKind: fc.constantFrom(...PARTY_GROUP_KINDS),
    }),

  organisation: (_unitId, id) => organisationFields(id),

  election: () =>
    fc.record({
      organisationId: uuidV7Arbitrary,
      electedOn: isoDateArbitrary(),
      termYears: fc.integer({ min: 1, max: 10 }),
      approvalNo: textArbitrary(100),
      approvedOn: fc.option(isoDateArbitrary(), { nil: null }),
      meetingId: nullableId,
    }),

  committeeSeat: () =>
    isoDateArbitrary().chain((from) =>
      fc.record({
        organisationId: uuidV7Arbitrary,
        memberId: uuidV7Arbitrary,
        post: fc.constantFrom(...COMMITTEE_POSTS),
        role: fc.option(fc.constantFrom(...COMMITTEE_ROLES), { nil: null }),
        fullTime: fc.boolean(),
        from: fc.constant(from),
        to: laterOrNull(from),
      }),
    ),

  member: () => memberFields(),
  meeting: () => meetingFields(),

  attachment: () =>
    fc.record({
      sha256: sha256Arbitrary,
      mime: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'application/vnd.ms-excel'),
      size: fc.integer({ min: 0, max: 100_000_000 }),
      name: requiredTextArbitrary(255),
      ownerTable: fc.constantFrom(...RECORD_TABLES),
      ownerId: uuidV7Arbitrary,
    }),

  trainingClass: () =>
    datePairArbitrary('2000-01-01', '2040-12-31').chain(([startDate, endDate]) =>
      fc.record({
        title: requiredTextArbitrary(),
        organiser: fc.constantFrom(...TRAINING_ORGANISERS),
        category: requiredTextArbitrary(50),
        format: textArbitrary(50),
        placeKind: textArbitrary(50),
        place: textArbitrary(),
        startDate: fc.constant(startDate),
        endDate: fc.constant(endDate),
        hours: hoursArbitrary,
        lecturer: textArbitrary(100),
        sessions: fc.constant([] as { id: string; date: string; label: string; hours: number }[]),
      }),
    ).chain((c) =>
      // half the classes keep attendance per session: 2–4 sessions on the first day, hours adding up
      fc.oneof(
        fc.constant(c),
        fc.array(fc.integer({ min: 0, max: 40 }).map((n) => n / 4), { minLength: 2, maxLength: 4 }).map((hours) => ({
          ...c,
          sessions: hours.map((h, i) => ({ id: `s${i + 1}`, date: c.startDate, label: ['上午', '下午', '晚上', '夜间'][i]!, hours: h })),
          hours: sumHours(hours),
        })),
      ),
    ),

  enrolment: () =>
    fc
      .record({
        classId: uuidV7Arbitrary,
        memberId: uuidV7Arbitrary,
        attendedHours: hoursArbitrary,
        status: fc.constantFrom(...ENROLMENT_STATUSES),
        absenceReason: fc.option(requiredTextArbitrary(100), { nil: null }),
        makeUpOfClassId: nullableId,
        attendedSessionIds: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }), { nil: null }),
      })
      .map((e) => ({
        ...e,
        makeUpOfClassId: e.status === 'madeUp' && e.makeUpOfClassId !== e.classId ? e.makeUpOfClassId : null,
        attendedSessionIds: e.attendedSessionIds === null ? null : e.status === 'absent' ? [] : e.attendedSessionIds.map((n) => `s${n}`),
      })),

  secretaryProject: () =>
    fc.record({
      year: yearArbitrary,
      secretaryName: requiredTextArbitrary(50),
      title: requiredTextArbitrary(),
      goal: textArbitrary(),
      milestones: fc.array(
        fc.record({ title: requiredTextArbitrary(), due: fc.option(isoDateArbitrary(), { nil: null }), done: fc.boolean() }),
        { maxLength: 5 },
      ),
      progress: textArbitrary(),
      evaluation: textArbitrary(),
      // 证明材料 is optional (record schema 7): absent in some projects, as in v6 rows
      attachmentIds: fc.option(fc.uniqueArray(uuidV7Arbitrary, { maxLength: 3 }), { nil: undefined }),
      // 针对的问题 and 主要措施 apart (record schema 7): absent in some projects, as in v6 rows
      split: fc.option(fc.record({ problem: textArbitrary(), measures: textArbitrary() }), { nil: undefined }),
    })
      .map(({ attachmentIds, split, ...p }) => ({ ...p, ...(attachmentIds === undefined ? {} : { attachmentIds }), ...(split ?? {}) })),

  dutyList: () =>
    fc.record({
      year: yearArbitrary,
      level: requiredTextArbitrary(50),
      post: requiredTextArbitrary(50),
      holderName: textArbitrary(50),
      // `status` is optional (record schema 5): absent (未自查) in some items, as in v4 rows
      items: fc.array(
        fc.record(
          { text: requiredTextArbitrary(), selfCheck: textArbitrary(), status: fc.constantFrom(...DUTY_ITEM_STATUSES) },
          { requiredKeys: ['text', 'selfCheck'] },
        ),
        { maxLength: 5 },
      ),
    }),

  rectification: () =>
    fc
      .record({
        source: fc.constantFrom(...RECTIFICATION_SOURCES),
        problem: requiredTextArbitrary(),
        measures: textArbitrary(),
        owner: textArbitrary(),
        deadline: fc.option(isoDateArbitrary(), { nil: null }),
        status: fc.constantFrom(...RECTIFICATION_STATUSES),
        evidence: textArbitrary(),
        closedOn: isoDateArbitrary(),
        cardId: fc.option(uuidV7Arbitrary, { nil: null }),
      })
      .map((r) => ({
        ...r,
        closedOn: r.status === 'closed' ? r.closedOn : null,
        // an item answers a card exactly when its source is 红黄牌
        source: r.cardId !== null ? ('card' as const) : r.source === 'card' ? ('supervision' as const) : r.source,
      })),

  // `special` and `voucherNo` are optional (record schema 4): absent in some records, as in v3 rows
  fundLine: () =>
    fc.record(
      { year: yearArbitrary, name: requiredTextArbitrary(), budgetFen: fenArbitrary, special: fc.boolean() },
      { requiredKeys: ['year', 'name', 'budgetFen'] },
    ),

  expense: () =>
    fc.record(
      {
        fundLineId: uuidV7Arbitrary,
        date: isoDateArbitrary(),
        amountFen: fenArbitrary.filter((n) => n > 0),
        purpose: requiredTextArbitrary(),
        voucherNo: textArbitrary(50),
      },
      { requiredKeys: ['fundLineId', 'date', 'amountFen', 'purpose'] },
    ),

  careVisit: () =>
    fc.record({
      date: isoDateArbitrary(),
      visitedName: requiredTextArbitrary(50),
      reason: textArbitrary(),
      visitors: textArbitrary(),
      amountFen: fenArbitrary,
    }),

  commendation: () =>
    fc.record({ date: isoDateArbitrary(), name: requiredTextArbitrary(), honour: requiredTextArbitrary(), level: textArbitrary(50) }),

  // 媒体级别 from record schema 7: absent in older records
  publicity: () =>
    fc.record({ date: isoDateArbitrary(), title: requiredTextArbitrary(), outlet: textArbitrary(), level: textArbitrary(50) }, { requiredKeys: ['date', 'title', 'outlet'] }),

  // 任前考察 before the posting, or none
  cadreExchange: () =>
    fc
      .record({
        dates: datePairArbitrary(),
        vetted: fc.boolean(),
        personName: requiredTextArbitrary(50),
        memberId: fc.option(uuidV7Arbitrary, { nil: null }),
        direction: fc.constantFrom(...CADRE_EXCHANGE_DIRECTIONS),
        fromPost: textArbitrary(100),
        toPost: textArbitrary(100),
        vettingResult: textArbitrary(),
        note: textArbitrary(),
      })
      .map(({ dates, vetted, ...rest }) => ({ ...rest, date: dates[1], vettedOn: vetted ? dates[0] : null })),

  enrolledUnit: () =>
    fc
      .record({
        name: requiredTextArbitrary(),
        creditCode: fc.option(creditCodeArbitrary, { nil: null }),
        publicKey: fc.option(publicKeyArbitrary, { nil: null }),
        status: fc.constantFrom(...ENROLLED_UNIT_STATUSES),
        revokedAt: isoInstantArbitrary,
        pinned: publicKeyArbitrary,
      })
      .map(({ pinned, ...u }) => ({
        ...u,
        publicKey: u.status === 'active' && u.publicKey === null ? pinned : u.publicKey,
        revokedAt: u.status === 'revoked' ? u.revokedAt : null,
      })),

  card: (unitId) =>
    isoDateArbitrary('2020-01-01', '2035-12-31').chain((issuedOn) =>
      fc
        .record({
          subjectKind: fc.constantFrom(...CARD_SUBJECT_KINDS),
          subjectId: uuidV7Arbitrary,
          trigger: requiredTextArbitrary(),
          colour: fc.constantFrom(...CARD_COLOURS),
          issuer: requiredTextArbitrary(100),
          issuedOn: fc.constant(issuedOn),
          fixBy: laterOrNull(issuedOn, 365),
          fixStatus: fc.constantFrom(...CARD_FIX_STATUSES),
          closedOn: fc.integer({ min: 0, max: 700 }).map((d) => addDays(issuedOn, d)),
          consequences: fc.uniqueArray(fc.constantFrom('约谈', '通报', '取消评先评优', '述职评议扣分', '组织调整'), {
            maxLength: 5,
          }),
          evidence: textArbitrary(),
          // record schema 7: the 联系组 visit the card was issued on, absent on older cards
          visitId: fc.option(uuidV7Arbitrary, { nil: undefined }),
        })
        .map(({ visitId, ...c }) => ({
          ...c,
          subjectId: c.subjectKind === 'unit' ? unitId : c.subjectId,
          closedOn: c.fixStatus === 'fixed' ? c.closedOn : null,
          ...(visitId === undefined ? {} : { visitId }),
        })),
    ),

  notice: () =>
    isoDateArbitrary('2020-01-01', '2035-12-31').chain((issuedOn) =>
      fc.record({
        title: requiredTextArbitrary(),
        body: textArbitrary(),
        issuedOn: fc.constant(issuedOn),
        batchId: uuidV7Arbitrary,
        dueOn: laterOrNull(issuedOn, 90),
      }),
    ),

  dutyReview: () =>
    yearArbitrary.chain((year) =>
      fc.record({
        year: fc.constant(year),
        secretaryName: textArbitrary(),
        reportedOn: fc.option(isoDateArbitrary(`${year}-01-01`, `${year + 1}-12-31`), { nil: null }),
        format: fc.constantFrom(...DUTY_REVIEW_FORMATS),
        rating: fc.constantFrom(...DUTY_REVIEW_RATINGS),
        comments: textArbitrary(),
        problems: fc.uniqueArray(requiredTextArbitrary(), { maxLength: 5 }),
      }),
    ),

  projectRating: () =>
    fc.record({ projectId: uuidV7Arbitrary, year: yearArbitrary, rating: fc.constantFrom(...DUTY_REVIEW_RATINGS), comment: textArbitrary() }),

  noticeRead: () => fc.record({ noticeId: uuidV7Arbitrary, readAt: isoInstantArbitrary, readBy: requiredTextArbitrary(100) }),

  supervisionVisit: () =>
    fc.record({
      kind: fc.constantFrom(...SUPERVISION_VISIT_KINDS),
      date: isoDateArbitrary(),
      visitors: textArbitrary(),
      findings: textArbitrary(),
      // record schema 7: the 日常指导评价 given at the visit, absent on older visits and when none was given
      guidanceScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }).map(({ guidanceScore, ...v }) => ({ ...v, ...(guidanceScore === undefined ? {} : { guidanceScore }) })),

  assessment: () =>
    fc.record({
      quarter: fc.tuple(yearArbitrary, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
      scores: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/), scoreArbitrary, { maxKeys: 8 }),
      total: scoreArbitrary,
    }),

  receipt: () =>
    fc.record({
      highestSequence: fc.integer({ min: 0, max: 10_000_000 }),
      bundleId: uuidV7Arbitrary,
      receivedAt: isoInstantArbitrary,
    }),

  // the national profile with the thresholds a committee adjusts most often changed
  ruleProfile: () =>
    fc.record({
      profile: fc
        .record({
          version: fc.integer({ min: 1, max: 1000 }),
          effectiveFrom: isoDateArbitrary(),
          reminderMonths: fc.integer({ min: 1, max: 12 }),
          coverage: fc.integer({ min: 1, max: 10_000 }),
          months: fc.integer({ min: 1, max: 12 }),
        })
        .map(({ version, effectiveFrom, reminderMonths, coverage, months }) => ({
          ...NATIONAL_PROFILE_V1,
          version,
          effectiveFrom,
          terms: { ...NATIONAL_PROFILE_V1.terms, reminderMonths, secondReminderMonths: Math.min(NATIONAL_PROFILE_V1.terms.secondReminderMonths, reminderMonths) },
          training: { ...NATIONAL_PROFILE_V1.training, coverageTargetBasisPoints: coverage },
          selfWithdrawal: { months },
        })),
      note: textArbitrary(500),
    }),
};

function organisationFields(id: string): fc.Arbitrary<Fields<'organisation'>> {
  return fc
    .record({
      name: requiredTextArbitrary(),
      kind: fc.constantFrom(...ORGANISATION_KINDS),
      parentId: nullableId.map((p) => (p === id ? null : p)),
      founded: fc.option(datePairArbitrary(), { nil: null }),
      dissolved: fc.boolean(),
      term: fc.option(datePairArbitrary('2000-01-01', '2040-12-31'), { nil: null }),
      termEndKnown: fc.boolean(),
      termYears: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
      extension: fc.option(
        fc.record({ approvalNo: requiredTextArbitrary(100), approvedOn: isoDateArbitrary(), until: isoDateArbitrary() }),
        { nil: null },
      ),
      approvalNo: textArbitrary(100),
      approvedOn: fc.option(isoDateArbitrary(), { nil: null }),
    })
    .map(({ founded, dissolved, term, termEndKnown, ...o }) => ({
      ...o,
      foundedOn: founded?.[0] ?? null,
      dissolvedOn: founded !== null && dissolved ? founded[1] : null,
      termStart: term?.[0] ?? null,
      termEnd: term !== null && termEndKnown ? term[1] : null,
    }));
}

function memberFields(): fc.Arbitrary<Fields<'member'>> {
  return fc
    .record({
      gender: fc.constantFrom('male' as const, 'female' as const),
      birthDate: isoDateArbitrary('1930-01-01', '2006-12-31'),
      joinedAfterDays: fc.integer({ min: 18 * 366, max: 60 * 365 }),
      convertedAfterDays: fc.integer({ min: 0, max: 800 }),
      organisationId: uuidV7Arbitrary,
    })
    .chain(({ gender, birthDate, joinedAfterDays, convertedAfterDays, organisationId }) => {
      const joinedOn = addDays(birthDate, joinedAfterDays);
      return fc
        .record({
          name: requiredTextArbitrary(50),
          gender: fc.constant(gender),
          ethnicity: fc.constantFrom('汉族', '回族', '满族', '壮族', '畲族'),
          birthDate: fc.constant(birthDate),
          idNumber: idNumberArbitrary(birthDate, gender),
          phone: phoneArbitrary,
          joinedOn: fc.constant(joinedOn),
          membership: fc.constantFrom(...MEMBERSHIP_KINDS),
          convertedKnown: fc.boolean(),
          organisationId: fc.constant(organisationId),
          closed: fc.array(fc.tuple(uuidV7Arbitrary, datePairArbitrary('1970-01-01', '2040-12-31')), { maxLength: 3 }),
          open: fc.option(isoDateArbitrary('1970-01-01', '2040-12-31'), { nil: null }),
          status: fc.constantFrom(...MEMBER_STATUSES),
          statusChangedOn: fc.option(isoDateArbitrary(), { nil: null }),
          cadre: fc.option(fc.constantFrom(...CADRE_KINDS), { nil: null }),
          excludedReason: fc.option(requiredTextArbitrary(100), { nil: null }),
        })
        .map(({ convertedKnown, closed, open, ...m }) => ({
          ...m,
          convertedOn: m.membership === 'full' && convertedKnown ? addDays(joinedOn, convertedAfterDays) : null,
          postings: [
            ...closed.map(([orgId, [from, to]]) => ({ organisationId: orgId, from, to })),
            ...(open === null ? [] : [{ organisationId, from: open, to: null }]),
          ],
        }));
    });
}

function meetingFields(): fc.Arbitrary<Fields<'meeting'>> {
  const attendance = fc
    .uniqueArray(uuidV7Arbitrary, { maxLength: 12 })
    .chain((memberIds) =>
      fc.tuple(
        ...memberIds.map((memberId) =>
          fc
            .record({
              status: fc.constantFrom('present' as const, 'present' as const, 'absent' as const, 'excluded' as const),
              reason: fc.constantFrom(...ABSENCE_REASONS),
              note: textArbitrary(100),
              excludedNote: requiredTextArbitrary(100),
              voting: fc.boolean(),
            })
            .map(({ status, reason, note, excludedNote, voting }) => ({
              memberId,
              status,
              absenceReason: status === 'absent' ? reason : null,
              note: status === 'excluded' ? excludedNote : note,
              voting,
            })),
        ),
      ),
    );
  return fc
    .record({
      organisationId: uuidV7Arbitrary,
      kind: fc.constantFrom(...MEETING_KINDS),
      date: isoDateArbitrary('2000-01-01', '2040-12-31'),
      place: textArbitrary(),
      chair: textArbitrary(50),
      recorder: textArbitrary(50),
      topics: fc.array(requiredTextArbitrary(), { maxLength: 4 }),
      lecturer: textArbitrary(50),
      minutes: textArbitrary(),
      attendance,
      resolutions: fc.array(
        fc.record({
          text: requiredTextArbitrary(),
          yes: fc.integer({ min: 0, max: 30 }),
          no: fc.integer({ min: 0, max: 30 }),
          abstain: fc.integer({ min: 0, max: 30 }),
        }),
        { maxLength: 3 },
      ),
      attachmentIds: fc.uniqueArray(uuidV7Arbitrary, { maxLength: 4 }),
      quorumWarning: fc.option(requiredTextArbitrary(), { nil: null }),
      // record schema 7: 列席人员 and 民主评议 grades, both optional (absent in older records)
      observers: fc.option(fc.array(fc.record({ name: requiredTextArbitrary(50), post: textArbitrary(100) }), { maxLength: 3 }), { nil: undefined }),
      grades: fc.array(fc.option(fc.constantFrom(...APPRAISAL_GRADES), { nil: undefined }), { maxLength: 12 }),
    })
    .map(({ observers, grades, ...rest }) => {
      // grades only at a 民主评议党员 meeting, on full members not excluded (shared/model/meeting.ts)
      const attendance =
        rest.kind === 'democraticAppraisal'
          ? rest.attendance.map((a, i) => {
              const grade = grades[i];
              return grade !== undefined && a.voting && a.status !== 'excluded' ? { ...a, appraisalGrade: grade } : a;
            })
          : rest.attendance;
      const m = { ...rest, attendance, ...(observers === undefined ? {} : { observers }) };
      if (m.attendance.length === 0) return m;
      const voters = m.attendance.filter((a) => a.voting && a.status === 'present').length;
      const resolutions = m.resolutions.map((r) => {
        const yes = Math.min(r.yes, voters);
        const no = Math.min(r.no, voters - yes);
        return { ...r, yes, no, abstain: Math.min(r.abstain, voters - yes - no) };
      });
      return { ...m, resolutions };
    });
}

/** Valid records of `table`. */
export function recordArbitrary<T extends RecordTable>(
  table: T,
  options: RecordArbitraryOptions = {},
): fc.Arbitrary<RecordOf<T>> {
  const fields = FIELDS[table] as (unitId: string, id: string) => fc.Arbitrary<Fields<T>>;
  return metaArbitrary(table, options).chain((meta) =>
    fields(meta.unitId, meta.id).map((f) => ({ ...meta, ...f }) as RecordOf<T>),
  );
}

/** A record of any table, with its table name. */
export function anyRecordArbitrary(
  options: RecordArbitraryOptions = {},
): fc.Arbitrary<{ table: RecordTable; record: RecordOf<RecordTable> }> {
  return fc
    .constantFrom(...RECORD_TABLES)
    .chain((table) => recordArbitrary(table, options).map((record) => ({ table, record })));
}
