/**
 * 季度无感知监控考核, one unit and one quarter: every indicator of the profile scored 0–100 from the
 * records the unit already sent (no forms), with its formula in words and, for every point lost, the
 * records behind it. Each indicator reuses the rule of the unit's own screen (see its file); this one
 * only picks the unit's live records, the days judged, and the indicator by id.
 *
 * The caller passes the profile in force on the quarter's last day (`profileForQuarter`): a profile
 * change applies from its `effectiveFrom` only.
 */
import type { IsoDate } from '../../dates';
import { ruleProfileInForce, type AssessmentIndicator, type RuleProfile } from '../../profile';
import { committeeIndicator, isCommitteeIndicator, type CommitteeRecords } from './committeeIndicators';
import type { IndicatorContext } from './context';
import { attendanceIndicator, meetingCompletenessIndicator } from './meetingIndicators';
import { cadreRatioIndicator, termsIndicator } from './organisationIndicators';
import { judgingDays, parseQuarter, type QuarterKey } from './quarter';
import { rectificationIndicator } from './rectificationIndicator';
import { noData } from './scale';
import { bundleTimelinessIndicator, type BundleArrival, type RegisterEntry } from './timelinessIndicator';
import { trainingCoverageIndicator } from './trainingIndicator';
import type { IndicatorResult } from './types';
import { liveUnitRecords, type MonitoringRecords } from './unitRecords';

export interface QuarterlyIndicatorsInput {
  readonly unitId: string;
  readonly quarter: QuarterKey;
  /** The day the scores are computed on: today for the live preview, the day of publication. */
  readonly today: IsoDate;
  /** The unit's records as the 工委 holds them (other units' records and tombstones are ignored). */
  readonly records: MonitoringRecords;
  /** The unit's entry in the register; null or absent → 数据报送及时性 has no data. */
  readonly register?: RegisterEntry | null;
  /** Bundles the 工委 received from the unit (any order). */
  readonly bundles?: readonly BundleArrival[];
  /** The 工委's own records about the unit (联系组 visits with their 日常指导评价, 述职评议), read only when the profile has their indicators. */
  readonly committeeRecords?: CommitteeRecords;
}

export interface ProfileRef {
  readonly version: number;
  readonly name: string;
  readonly effectiveFrom: IsoDate;
}

export interface QuarterlyIndicators {
  readonly unitId: string;
  readonly quarter: QuarterKey;
  /** min(last day of the quarter, today); null when the quarter has not begun. */
  readonly judgedOn: IsoDate | null;
  readonly profile: ProfileRef;
  /** In the profile's order. */
  readonly indicators: readonly IndicatorResult[];
}

/** The profile in force on the quarter's last day among the issued ones (national defaults before any). */
export function profileForQuarter(issued: readonly { readonly profile: RuleProfile; readonly deleted?: boolean }[], quarter: QuarterKey): RuleProfile {
  return ruleProfileInForce(issued, parseQuarter(quarter).period.end);
}

export function profileRef(profile: RuleProfile): ProfileRef {
  return { version: profile.version, name: profile.name, effectiveFrom: profile.effectiveFrom };
}

function indicatorResult(ctx: IndicatorContext, indicator: AssessmentIndicator, input: QuarterlyIndicatorsInput): IndicatorResult {
  const id = indicator.id;
  if (isCommitteeIndicator(id)) return committeeIndicator(ctx, { ...indicator, id }, input.committeeRecords ?? {});
  switch (id) {
    case 'meetingCompleteness':
      return meetingCompletenessIndicator(ctx, indicator);
    case 'attendance':
      return attendanceIndicator(ctx, indicator);
    case 'terms':
      return termsIndicator(ctx, indicator);
    case 'trainingCoverage':
      return trainingCoverageIndicator(ctx, indicator);
    case 'cadreRatio':
      return cadreRatioIndicator(ctx, indicator);
    case 'rectification':
      return rectificationIndicator(ctx, indicator);
    case 'bundleTimeliness':
      return bundleTimelinessIndicator(ctx, indicator, input.register ?? null, input.bundles ?? []);
  }
}

export function quarterlyIndicators(input: QuarterlyIndicatorsInput, profile: RuleProfile): QuarterlyIndicators {
  const quarter = parseQuarter(input.quarter);
  const days = judgingDays(quarter, input.today);
  const base = { unitId: input.unitId, quarter: quarter.key, profile: profileRef(profile) };
  if (days === null)
    return { ...base, judgedOn: null, indicators: profile.assessment.indicators.map((i) => noData(i, '', `${quarter.period.label}尚未开始`)) };
  const ctx: IndicatorContext = { unitId: input.unitId, quarter, ...days, profile, records: liveUnitRecords(input.records, input.unitId) };
  return { ...base, judgedOn: days.judgedOn, indicators: profile.assessment.indicators.map((i) => indicatorResult(ctx, i, input)) };
}
