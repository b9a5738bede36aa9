/**
 * The rule profile: every threshold the rules use, versioned and dated. The committee (工委)
 * edits its profile and sends it to its units in a bundle; a unit without one uses
 * `NATIONAL_PROFILE_V1`. Every figure in the UI, the reports and the dashboards is computed from
 * the profile in force on the day it is about (`profileInForce`).
 *
 * Representation, chosen so that every comparison is exact integer arithmetic:
 * - shares the sources state as fractions (半数, 五分之四, 三分之一) are `{ numerator, denominator }`
 *   and compared by cross-multiplication;
 * - shares the sources state as percentages (1%–2%, 0.5% of the dues base) are integer basis
 *   points (1 bp = 0.01 %, 100 bp = 1 %, 10000 bp = 100 % = 全员);
 * - money is integer 分 (fen).
 *
 * Sections added after profiles were first issued are optional and read through an accessor with
 * a default (`sync` → `lateAfterDays`), so profiles stored and sent before them stay valid.
 *
 * Sources: 党章; 支部条例 = 《中国共产党支部工作条例(试行)》(2018); 机关条例 = 《中国共产党党和国家
 * 机关基层组织工作条例》(2019); 任期意见 = 《关于党的基层组织任期的意见》(2018); 选举条例 =
 * 《中国共产党基层组织选举工作条例》(2020); 党费规定 = 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008).
 * "local practice" marks a default that no national rule fixes; it is ours to justify and the
 * committee's to change.
 */
import { z } from 'zod';
import { COMMITTEE_POSTS, MEETING_KINDS, ORGANISATION_KINDS } from '../model/vocabulary';
import { compareIsoDates, type IsoDate } from './dates';

const isoDateSchema = z.iso.date();

/** A share as an exact fraction, 0 < numerator ≤ denominator. */
export const fractionSchema = z
  .strictObject({ numerator: z.int().positive(), denominator: z.int().positive() })
  .refine((f) => f.numerator <= f.denominator, { message: '分子不能大于分母' });
export type Fraction = z.infer<typeof fractionSchema>;

const basisPointsSchema = z.int().min(0).max(10000);

export const REQUIREMENT_PERIODS = ['month', 'quarter', 'year', 'whenDue'] as const;
export type RequirementPeriod = (typeof REQUIREMENT_PERIODS)[number];

/** A minimum number of meetings of one kind per period, for the organisation kinds listed. */
export const meetingRequirementSchema = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  period: z.enum(REQUIREMENT_PERIODS),
  /** Minimum number per period (ignored for `whenDue`). */
  count: z.int().min(1),
  organisationKinds: z.array(z.enum(ORGANISATION_KINDS)).min(1),
  /** Only for organisations that have a committee (支委会): a branch of < 7 full members has only a secretary. */
  onlyWithCommittee: z.boolean(),
  /** Where the requirement comes from, shown to users (依据). */
  basis: z.string(),
});
export type MeetingRequirement = z.infer<typeof meetingRequirementSchema>;

/**
 * One dues bracket: rate applied to the WHOLE base when the base is above the previous bracket's
 * `upToFen` and at most this one's (upper bounds are inclusive: 3000.00 元 is in the "≤3000" bracket).
 * The last bracket has `upToFen: null` (no upper bound).
 */
export const duesBracketSchema = z.strictObject({
  upToFen: z.int().positive().nullable(),
  rateBasisPoints: basisPointsSchema,
});
export type DuesBracket = z.infer<typeof duesBracketSchema>;

const duesBracketsSchema = z
  .array(duesBracketSchema)
  .min(1)
  .refine(
    (brackets) =>
      brackets.every((b, i) => {
        const last = i === brackets.length - 1;
        if (last) return b.upToFen === null;
        const prev = i === 0 ? 0 : brackets[i - 1]?.upToFen;
        return b.upToFen !== null && prev !== null && prev !== undefined && b.upToFen > prev;
      }),
    { message: '党费档次须按上限从低到高排列，最后一档不设上限' },
  );

export const ASSESSMENT_INDICATORS = [
  'meetingCompleteness',
  'attendance',
  'terms',
  'trainingCoverage',
  'cadreRatio',
  'rectification',
  'bundleTimeliness',
] as const;
export type AssessmentIndicatorId = (typeof ASSESSMENT_INDICATORS)[number];

export const assessmentIndicatorSchema = z.strictObject({
  id: z.enum(ASSESSMENT_INDICATORS),
  name: z.string().min(1),
  /** Integer points out of 100. */
  weight: z.int().min(0).max(100),
});
export type AssessmentIndicator = z.infer<typeof assessmentIndicatorSchema>;

/** Bundle timeliness: how long a unit may go without sending a bundle to the 工委. */
export const syncRulesSchema = z.strictObject({
  /** A unit that has sent nothing for MORE than this many days is late (逾期未报送); day N itself is on time. */
  lateAfterDays: z.int().min(1).max(366),
});
export type SyncRules = z.infer<typeof syncRulesSchema>;

export const ruleProfileSchema = z.strictObject({
  /** Increases by one with every edit the committee issues. */
  version: z.int().min(1),
  /** The first day the profile applies to (figures about earlier days use an earlier profile). */
  effectiveFrom: isoDateSchema,
  name: z.string().min(1),

  meetings: z.strictObject({
    requirements: z.array(meetingRequirementSchema).refine(
      (rs) => {
        const seen = new Set<string>();
        for (const r of rs)
          for (const k of r.organisationKinds) {
            const key = `${r.kind}/${k}`;
            if (seen.has(key)) return false;
            seen.add(key);
          }
        return true;
      },
      { message: '同一种会议对同一类党组织只能有一条要求' },
    ),
    /** A meeting record entered more than this many days after the meeting is "late" (补录). */
    recordWithinDays: z.int().min(0),
  }),

  quorum: z.strictObject({
    /** Voting members present must be MORE than this share of the voting members who should attend. */
    vote: fractionSchema,
    /** A motion passes when yes votes are MORE than this share of the voting members who should attend. */
    motion: fractionSchema,
    /** Committee members present must be MORE than this share of the committee. */
    committee: fractionSchema,
    /** An election is valid when voting members present are MORE than this share of those who should attend. */
    election: fractionSchema,
  }),

  terms: z
    .strictObject({
      /** Default term length per organisation kind; null = no term (党小组). Editable per organisation. */
      years: z.record(z.enum(ORGANISATION_KINDS), z.int().min(1).max(10).nullable()),
      /** Yellow from this many months before the term end (inclusive). */
      reminderMonths: z.int().min(1),
      /** Second reminder from this many months before the term end (inclusive). */
      secondReminderMonths: z.int().min(0),
      /** An approved extension (延期) counts for at most this many months after the term end. */
      maxExtensionMonths: z.int().min(0),
    })
    .refine((t) => t.secondReminderMonths <= t.reminderMonths, {
      message: '第二次提醒不能早于第一次提醒',
    }),

  cadreRatio: z
    .strictObject({
      /** Full-time party-affairs cadres / staff, lower bound inclusive (100 bp = 1 %). */
      minBasisPoints: basisPointsSchema,
      /** Upper bound inclusive (200 bp = 2 %). */
      maxBasisPoints: basisPointsSchema,
    })
    .refine((c) => c.minBasisPoints <= c.maxBasisPoints, { message: '下限不能高于上限' }),

  training: z.strictObject({
    /** Share of members trained in the year that counts as covered (10000 bp = 全员). */
    coverageTargetBasisPoints: basisPointsSchema,
    /** Class categories that count as induction training for a new organisation head. */
    inductionCategories: z.array(z.string().min(1)).min(1),
    /** Committee posts that count as organisation heads (书记 by default). */
    headPosts: z.array(z.enum(COMMITTEE_POSTS)).min(1),
    /** A head is "new" for this many months after appointment. */
    newHeadWithinMonths: z.int().min(1),
    /** Induction training taken up to this many months before the appointment counts ("任职前"). */
    inductionLookbackMonths: z.int().min(0),
  }),

  dues: z.strictObject({
    inService: duesBracketsSchema,
    retired: duesBracketsSchema,
    /** Students, the unemployed, 低保 recipients: a fixed amount per month. */
    specialMonthlyFen: z.int().min(0),
    /** Back-payment covers at most this many months. */
    backPayMaxMonths: z.int().min(0),
  }),

  selfWithdrawal: z.strictObject({
    /** Consecutive calendar months without organisational life that are flagged (党章 §9). */
    months: z.int().min(1),
  }),

  cards: z.strictObject({
    /** A yellow card not fixed by its fix-by date becomes red. */
    escalateOverdueYellow: z.boolean(),
    /** This many yellow cards of one subject within `repeatWithinMonths` make the last one red. */
    repeatYellowCount: z.int().min(2),
    repeatWithinMonths: z.int().min(1),
  }),

  assessment: z.strictObject({
    indicators: z
      .array(assessmentIndicatorSchema)
      .min(1)
      .refine((is) => new Set(is.map((i) => i.id)).size === is.length, { message: '考核指标不能重复' })
      .refine((is) => is.reduce((sum, i) => sum + i.weight, 0) === 100, { message: '各项指标权重之和必须为 100' }),
  }),

  appraisal: z.strictObject({
    /** 民主评议党员: members graded 优秀 may be at most this share of the graded members (inclusive). */
    excellentMax: fractionSchema,
  }),

  /**
   * Bundle timeliness (数据报送及时性), added after the first profiles were issued: OPTIONAL, so that
   * stored profiles and bundles without it stay valid; read it through `lateAfterDays`, which falls
   * back to `DEFAULT_SYNC_RULES`.
   */
  sync: syncRulesSchema.optional(),
});

export type RuleProfile = z.infer<typeof ruleProfileSchema>;

const HALF: Fraction = { numerator: 1, denominator: 2 };
const BRANCHES = ['branch'] as const;

/** The national defaults of DOMAIN.md. */
export const NATIONAL_PROFILE_V1: RuleProfile = {
  version: 1,
  effectiveFrom: '2019-01-01', // 机关条例 (2019) is the latest source relied on
  name: '全国默认规则',

  meetings: {
    requirements: [
      // 支部条例 §11: 党员大会一般每季度召开1次.
      {
        kind: 'branchGeneralMeeting',
        period: 'quarter',
        count: 1,
        organisationKinds: [...BRANCHES],
        onlyWithCommittee: false,
        basis: '《中国共产党支部工作条例（试行）》第十一条',
      },
      // 支部条例 §12: 支委会一般每月召开1次 — only where a 支委会 exists (≥ 7 full members, §9).
      {
        kind: 'branchCommitteeMeeting',
        period: 'month',
        count: 1,
        organisationKinds: [...BRANCHES],
        onlyWithCommittee: true,
        basis: '《中国共产党支部工作条例（试行）》第十二条',
      },
      // 支部条例 §13: 党小组会一般每月召开1次, per group (a group is its own organisation record).
      {
        kind: 'groupMeeting',
        period: 'month',
        count: 1,
        organisationKinds: ['group'],
        onlyWithCommittee: false,
        basis: '《中国共产党支部工作条例（试行）》第十三条',
      },
      // Local practice: 党课每季度1次. 支部条例 §16 only requires the 党委(党组)书记 to lecture ≥ 1 a year.
      {
        kind: 'partyLecture',
        period: 'quarter',
        count: 1,
        organisationKinds: [...BRANCHES],
        onlyWithCommittee: false,
        basis: '各地通行做法（党课一般每季度1次）',
      },
      // 支部条例 §16: 每月相对固定1天开展主题党日.
      {
        kind: 'themedPartyDay',
        period: 'month',
        count: 1,
        organisationKinds: [...BRANCHES],
        onlyWithCommittee: false,
        basis: '《中国共产党支部工作条例（试行）》第十六条',
      },
      // 支部条例 (组织生活, §11–17): 组织生活会每年至少1次, usually in Q4. The article number is not
      // cited in the user-facing basis because our copy of the text could not confirm it.
      {
        kind: 'organisationalLifeMeeting',
        period: 'year',
        count: 1,
        organisationKinds: [...BRANCHES],
        onlyWithCommittee: false,
        basis: '《中国共产党支部工作条例（试行）》（组织生活会每年至少1次）',
      },
      // 支部条例 (组织生活, §11–17): 民主评议党员一般每年1次.
      {
        kind: 'democraticAppraisal',
        period: 'year',
        count: 1,
        organisationKinds: [...BRANCHES],
        onlyWithCommittee: false,
        basis: '《中国共产党支部工作条例（试行）》（民主评议党员一般每年1次）',
      },
      // Local practice: 党组(党委)每年至少2次专题研究机关党建. 机关条例 makes the 党组(党委) responsible
      // for party building (主体责任) and requires it to study it regularly, without a number.
      {
        kind: 'leadingGroupMeeting',
        period: 'year',
        count: 2,
        organisationKinds: ['leadingGroup'],
        onlyWithCommittee: false,
        basis: '各地通行做法（党组（党委）每年至少2次专题研究机关党建工作）',
      },
      // Local practice: 理论学习中心组每季度至少集体学习1次. The national 学习规则 (2017) sets study
      // days per year rather than sessions; quarterly keeps in-year progress visible.
      {
        kind: 'theoryStudyGroup',
        period: 'quarter',
        count: 1,
        organisationKinds: ['leadingGroup'],
        onlyWithCommittee: false,
        basis: '各地通行做法（理论学习中心组每季度至少集体学习1次）',
      },
      // 机关条例 (§19/§26 per DOMAIN.md): 每年至少召开1次机关党员干部大会, organised by the 机关党委.
      {
        kind: 'organCadreAssembly',
        period: 'year',
        count: 1,
        organisationKinds: ['organCommittee'],
        onlyWithCommittee: false,
        basis: '《中国共产党党和国家机关基层组织工作条例》（每年至少召开1次机关党员干部大会）',
      },
      // 任期意见 / 选举条例: an election when the term ends — followed by the term light, not counted per period.
      {
        kind: 'electionAssembly',
        period: 'whenDue',
        count: 1,
        organisationKinds: ['organCommittee', 'disciplineCommittee', 'generalBranch', 'branch'],
        onlyWithCommittee: false,
        basis: '《关于党的基层组织任期的意见》',
      },
    ],
    // Local practice: minutes are put in order within a week of the meeting. No national deadline.
    recordWithinDays: 7,
  },

  quorum: {
    vote: HALF, // 支部条例 §11: 有表决权的党员到会人数超过半数方可召开 (表决)
    motion: HALF, // 支部条例 §11: 赞成人数超过应到会有表决权的党员的半数才能通过
    committee: HALF, // 支部条例 §12: 半数以上委员到会 (read as "more than half", as DOMAIN.md states)
    election: { numerator: 4, denominator: 5 }, // 选举条例: 到会人数超过应到会人数的五分之四，会议有效
  },

  terms: {
    years: {
      leadingGroup: 5, // 党组/党委: 5 years
      organCommittee: 5, // 机关条例 §5, 任期意见: 机关党委 5 years
      disciplineCommittee: 5, // 机关纪委: same as its 党委
      generalBranch: 3, // 机关条例 §6, 任期意见: 3 years
      branch: 3, // 机关条例 §7, 支部条例, 任期意见: 3 years
      group: null, // 党小组: no term
    },
    reminderMonths: 6, // national practice: the higher organisation reminds about 6 months ahead
    secondReminderMonths: 3, // local practice: a second reminder 3 months ahead
    maxExtensionMonths: 12, // 任期意见: postponement by at most 1 year, with approval
  },

  // 机关条例 §30: 专职党务干部一般按机关工作人员总数的1%至2%配备.
  cadreRatio: { minBasisPoints: 100, maxBasisPoints: 200 },

  training: {
    coverageTargetBasisPoints: 10000, // 机关条例 §18: every member trained every year (全员覆盖)
    inductionCategories: ['新任职党务干部培训'], // 机关条例 §31: new heads trained before/at appointment
    headPosts: ['secretary'],
    newHeadWithinMonths: 12, // local practice: "new" for the first year in office
    inductionLookbackMonths: 12, // local practice: training in the year before appointment counts as 任职前培训
  },

  // 党费规定 (2008) 第二条、第三条: rate on the whole monthly base, upper bounds inclusive ("含").
  dues: {
    inService: [
      { upToFen: 300_000, rateBasisPoints: 50 }, // 3000元以下（含3000元）: 0.5%
      { upToFen: 500_000, rateBasisPoints: 100 }, // 3000元以上至5000元（含5000元）: 1%
      { upToFen: 1_000_000, rateBasisPoints: 150 }, // 5000元以上至10000元（含10000元）: 1.5%
      { upToFen: null, rateBasisPoints: 200 }, // 10000元以上: 2%
    ],
    retired: [
      { upToFen: 500_000, rateBasisPoints: 50 }, // 离退休 5000元以下（含5000元）: 0.5%
      { upToFen: null, rateBasisPoints: 100 }, // 5000元以上: 1%
    ],
    specialMonthlyFen: 20, // 学生、下岗失业、最低生活保障: 每月0.2元
    backPayMaxMonths: 6, // 补交党费一般不超过6个月
  },

  selfWithdrawal: { months: 6 }, // 党章 §9: 连续六个月不参加党的组织生活…自行脱党

  cards: { escalateOverdueYellow: true, repeatYellowCount: 2, repeatWithinMonths: 12 }, // the city's 红黄牌 rule

  // Local practice: weights of the quarterly monitoring (季度无感知监控考核); the committee sets its own.
  assessment: {
    indicators: [
      { id: 'meetingCompleteness', name: '组织生活完成率', weight: 25 },
      { id: 'attendance', name: '党员参会率', weight: 15 },
      { id: 'terms', name: '按期换届', weight: 15 },
      { id: 'trainingCoverage', name: '教育培训覆盖率', weight: 15 },
      { id: 'cadreRatio', name: '专职党务干部配备', weight: 10 },
      { id: 'rectification', name: '整改推进', weight: 10 },
      { id: 'bundleTimeliness', name: '数据报送及时性', weight: 10 },
    ],
  },

  appraisal: { excellentMax: { numerator: 1, denominator: 3 } }, // 民主评议: 优秀一般不超过三分之一
};

/**
 * Local practice: a unit reports to the 工委 at least monthly, so more than 30 days without a bundle
 * is late. Not written into NATIONAL_PROFILE_V1: a profile issued from it would then carry `sync`,
 * which programs older than this field refuse (the profile schema is strict); a committee that
 * sets its own value issues it in its profile.
 */
export const DEFAULT_SYNC_RULES: SyncRules = { lateAfterDays: 30 };

/** The profile's lateness threshold in days, or the default for profiles issued without one. */
export function lateAfterDays(profile: RuleProfile): number {
  return profile.sync?.lateAfterDays ?? DEFAULT_SYNC_RULES.lateAfterDays;
}

/**
 * The profile in force on `date`: the latest `effectiveFrom` on or before it (a higher version
 * wins a tie). Null when none applies yet — callers then use NATIONAL_PROFILE_V1.
 */
export function profileInForce(profiles: readonly RuleProfile[], date: IsoDate): RuleProfile | null {
  let best: RuleProfile | null = null;
  for (const p of profiles) {
    if (compareIsoDates(p.effectiveFrom, date) > 0) continue;
    if (
      best === null ||
      compareIsoDates(p.effectiveFrom, best.effectiveFrom) > 0 ||
      (p.effectiveFrom === best.effectiveFrom && p.version > best.version)
    )
      best = p;
  }
  return best;
}

/** The requirements that apply to an organisation of `kind` (with or without a committee). */
export function requirementsFor(
  profile: RuleProfile,
  kind: (typeof ORGANISATION_KINDS)[number],
  hasCommittee: boolean,
): MeetingRequirement[] {
  return profile.meetings.requirements.filter(
    (r) => r.organisationKinds.includes(kind) && (!r.onlyWithCommittee || hasCommittee),
  );
}

/** Smallest whole number strictly greater than `fraction × base` (e.g. more than half of 23 → 12). */
export function moreThan(fraction: Fraction, base: number): number {
  return Math.floor((fraction.numerator * base) / fraction.denominator) + 1;
}

/** `count > fraction × base`, exactly. */
export function exceeds(count: number, fraction: Fraction, base: number): boolean {
  return count * fraction.denominator > fraction.numerator * base;
}

/** `count ≤ fraction × base`, exactly. */
export function atMost(count: number, fraction: Fraction, base: number): boolean {
  return !exceeds(count, fraction, base);
}

/**
 * The profile in force on `date` among the profiles the 工委 issued (ruleProfile records, deleted
 * ones ignored), or the national defaults when none applies yet (DOMAIN.md: "a unit without a
 * profile from its committee uses the national defaults").
 */
export function ruleProfileInForce(issued: readonly { readonly profile: RuleProfile; readonly deleted?: boolean }[], date: IsoDate): RuleProfile {
  return profileInForce(issued.filter((r) => r.deleted !== true).map((r) => r.profile), date) ?? NATIONAL_PROFILE_V1;
}
