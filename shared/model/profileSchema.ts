/**
 * The rule profile's schema and types: every threshold the rules use, versioned and dated. Kept in
 * model, below the rules, because a ruleProfile record carries a profile (shared/model/ruleProfile.ts);
 * the national defaults and the lookups are in shared/rules/profile.ts. The committee (工委) edits
 * its profile and sends it to its units in a bundle; a unit without one uses `NATIONAL_PROFILE_V1`. Every figure in the UI, the reports and the dashboards is computed from
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
import { COMMITTEE_POSTS, MEETING_KINDS, ORGANISATION_KINDS } from './vocabulary';

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
  // The committee's own inputs (下沉督导调研, 日常指导评价, 述职评议), computed from its 联系组 visits and
  // 述职评议 records (shared/rules/committee/monitoring/committeeIndicators.ts). Not in the
  // national defaults: they count only in a profile that lists them (which programs older than
  // these ids refuse, as they refuse any unknown value).
  'supervision',
  'guidance',
  'review',
] as const;
export type AssessmentIndicatorId = (typeof ASSESSMENT_INDICATORS)[number];

export const assessmentIndicatorSchema = z.strictObject({
  id: z.enum(ASSESSMENT_INDICATORS),
  name: z.string().min(1),
  /** Integer points out of 100. */
  weight: z.int().min(0).max(100),
});
export type AssessmentIndicator = z.infer<typeof assessmentIndicatorSchema>;

/**
 * How an indicator's rate (0–1, e.g. meetings held / due) becomes its 0–100 score: 100 at or above
 * `fullAtBasisPoints`, 0 at or below `zeroAtBasisPoints`, linear between.
 */
export const indicatorScaleSchema = z
  .strictObject({
    id: z.enum(ASSESSMENT_INDICATORS),
    fullAtBasisPoints: basisPointsSchema,
    zeroAtBasisPoints: basisPointsSchema,
  })
  .refine((s) => s.zeroAtBasisPoints < s.fullAtBasisPoints, { message: '零分线必须低于满分线' });
export type IndicatorScale = z.infer<typeof indicatorScaleSchema>;

/**
 * The quarterly monitoring's formula parameters (季度无感知监控考核), added after the first profiles
 * were issued: OPTIONAL, read through `assessmentScoring` (shared/rules/profile.ts), which falls
 * back to `DEFAULT_ASSESSMENT_SCORING`.
 */
export const assessmentScoringSchema = z.strictObject({
  /** Scales of the indicators that do not use the default (rate × 100). */
  scales: z.array(indicatorScaleSchema).refine((ss) => new Set(ss.map((s) => s.id)).size === ss.length, { message: '同一指标只能有一条计分标准' }),
  /** 组织生活完成率: points off per meeting recorded late (会后超过 recordWithinDays 天录入). */
  lateRecordPoints: z.number().min(0).max(100),
  /** …and at most this many in a quarter. */
  lateRecordMaxPoints: z.number().min(0).max(100),
  /** 教育培训覆盖率: the share of the year's coverage target expected by the end of Q1–Q4 (basis points of the target). */
  trainingQuarterTargetsBasisPoints: z
    .tuple([basisPointsSchema, basisPointsSchema, basisPointsSchema, basisPointsSchema])
    .refine((t) => t[0] > 0 && t[0] <= t[1] && t[1] <= t[2] && t[2] <= t[3], { message: '各季度培训进度目标应大于零且逐季不减' }),
});
export type AssessmentScoring = z.infer<typeof assessmentScoringSchema>;

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
    /** Formula parameters, optional (see `assessmentScoringSchema`). */
    scoring: assessmentScoringSchema.optional(),
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
