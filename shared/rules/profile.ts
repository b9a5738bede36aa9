/**
 * The rule profile in use: the national defaults (`NATIONAL_PROFILE_V1`), the profile in force on a
 * day, and the exact share arithmetic the rules compare with. The profile's schema and types live
 * below the rules, in shared/model/profileSchema.ts (a ruleProfile record carries a profile), and
 * are re-exported here for the rules and screens that use a profile.
 *
 * Sources: 党章; 支部条例 = 《中国共产党支部工作条例(试行)》(2018); 机关条例 = 《中国共产党党和国家
 * 机关基层组织工作条例》(2019); 任期意见 = 《关于党的基层组织任期的意见》(2018); 选举条例 =
 * 《中国共产党基层组织选举工作条例》(2020); 党费规定 = 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008).
 * "local practice" marks a default that no national rule fixes; it is ours to justify and the
 * committee's to change.
 */
import type { ORGANISATION_KINDS } from '../model/vocabulary';
import type { AssessmentScoring, Fraction, MeetingRequirement, RuleProfile, SyncRules } from '../model/profileSchema';
import { compareIsoDates, type IsoDate } from './dates';

export {
  ASSESSMENT_INDICATORS,
  assessmentIndicatorSchema,
  assessmentScoringSchema,
  indicatorScaleSchema,
  duesBracketSchema,
  fractionSchema,
  meetingRequirementSchema,
  REQUIREMENT_PERIODS,
  ruleProfileSchema,
  syncRulesSchema,
} from '../model/profileSchema';
export type { AssessmentIndicator, AssessmentIndicatorId, AssessmentScoring, IndicatorScale, DuesBracket, Fraction, MeetingRequirement, RequirementPeriod, RuleProfile, SyncRules } from '../model/profileSchema';

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
 * Local practice: the quarterly monitoring's formula parameters when the profile has none. Kept out
 * of NATIONAL_PROFILE_V1 for the same reason as `DEFAULT_SYNC_RULES`.
 * - every indicator scores its rate × 100 (no scale entries);
 * - a meeting recorded late costs 组织生活完成率 2 points, at most 10 in a quarter;
 * - training coverage is expected to grow evenly: a quarter of the year's target by the end of Q1,
 *   half by Q2, three quarters by Q3, all of it by Q4.
 */
export const DEFAULT_ASSESSMENT_SCORING: AssessmentScoring = {
  scales: [],
  lateRecordPoints: 2,
  lateRecordMaxPoints: 10,
  trainingQuarterTargetsBasisPoints: [2500, 5000, 7500, 10000],
};

/** The profile's monitoring parameters, or the defaults for profiles issued without them. */
export function assessmentScoring(profile: RuleProfile): AssessmentScoring {
  return profile.assessment.scoring ?? DEFAULT_ASSESSMENT_SCORING;
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

/**
 * Requirements of meeting kinds that came after profiles were first issued. Profiles stored and
 * sent before a kind existed cannot list it (and must stay valid as they are), so a profile that
 * has no requirement of such a kind is read with the default below (`meetingRequirements`); a
 * profile that lists its own requirement of the kind uses its own. Not written into
 * NATIONAL_PROFILE_V1, which stays what version 1 was (as `DEFAULT_SYNC_RULES`).
 */
/**
 * A requirement as the rules apply it: a later kind's default counts only from `countsFrom` (the
 * first whole year the ledger could record the kind: earlier periods are not required, so that
 * figures already reported do not change and units on an older program do not owe what they could
 * not record). Never stored: a profile's own requirements have no such date (they apply from the
 * profile's `effectiveFrom`).
 */
export interface AppliedMeetingRequirement extends MeetingRequirement {
  readonly countsFrom?: IsoDate;
}

export const LATER_MEETING_REQUIREMENTS: readonly AppliedMeetingRequirement[] = [
  // 民主生活会 (record schema 7, issue 14). DOMAIN.md: "Also required by 机关条例 §19/§26: 民主生活会
  // (leadership)" — it names no number; 《县以上党和国家机关党员领导干部民主生活会若干规定》 sets
  // 民主生活会一般每年召开1次. Held by the 党组(党委) (organisation kind `leadingGroup`), as its
  // 党组会议 and 理论学习中心组 are.
  {
    kind: 'democraticLifeMeeting',
    period: 'year',
    count: 1,
    organisationKinds: ['leadingGroup'],
    onlyWithCommittee: false,
    basis: '《县以上党和国家机关党员领导干部民主生活会若干规定》（民主生活会一般每年召开1次）',
    countsFrom: '2027-01-01',
  },
];

/** The profile's meeting requirements, with the later kinds' defaults it does not list itself. */
export function meetingRequirements(profile: RuleProfile): readonly AppliedMeetingRequirement[] {
  const listed = new Set(profile.meetings.requirements.map((r) => r.kind));
  const later = LATER_MEETING_REQUIREMENTS.filter((r) => !listed.has(r.kind));
  return later.length === 0 ? profile.meetings.requirements : [...profile.meetings.requirements, ...later];
}

/** The requirements that apply to an organisation of `kind` (with or without a committee). */
export function requirementsFor(
  profile: RuleProfile,
  kind: (typeof ORGANISATION_KINDS)[number],
  hasCommittee: boolean,
): AppliedMeetingRequirement[] {
  return meetingRequirements(profile).filter(
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
