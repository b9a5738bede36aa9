/**
 * 教育培训覆盖率 of one unit at the end of a quarter, by trainingCoverage (the unit's 学时与覆盖率):
 * the year's members trained so far ÷ those who should be trained (as of the day judged), against
 * the progress expected by the quarter's end — the profile's yearly target (coverageTargetBasisPoints)
 * times the quarter's share of it (assessment.scoring.trainingQuarterTargetsBasisPoints, by default
 * ¼, ½, ¾, all). Reaching the expected progress is full marks.
 */
import { trainingCoverage } from '../../training/trainingCoverage';
import { assessmentScoring, type AssessmentIndicator } from '../../profile';
import { basisPointsPercent, chineseDate, percent } from '../../text';
import { NO_ORGANISATIONS, organisationsOfQuarter, type IndicatorContext } from './context';
import { noData, scoredFromRate, type Shortfall } from './scale';
import type { IndicatorResult } from './types';

export function trainingCoverageIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator): IndicatorResult {
  const { profile, quarter, judgedOn } = ctx;
  const target = profile.training.coverageTargetBasisPoints;
  const quarterShare = assessmentScoring(profile).trainingQuarterTargetsBasisPoints[quarter.q - 1]!;
  const expected = (target / 10000) * (quarterShare / 10000);
  const formula = `截至季度末本年度已参训党员 ÷ 应参训党员，与本季度末应达到的进度（全年目标 ${basisPointsPercent(target)} 的 ${basisPointsPercent(quarterShare)}，即 ${percent(expected)}）相比，达到即得满分，不足的按比例计分`;
  if (organisationsOfQuarter(ctx).length === 0) return noData(indicator, formula, NO_ORGANISATIONS);
  const { members, classes, enrolments, seats, organisations } = ctx.records;
  const coverage = trainingCoverage({ year: quarter.year, asOf: judgedOn, members, classes, enrolments, seats, organisations }, profile).members;
  if (coverage.share === null) return noData(indicator, formula, `${chineseDate(judgedOn)}没有应参训的党员`);
  const rate = expected === 0 ? 1 : Math.min(1, coverage.share / expected);
  const names = new Map(members.map((m) => [m.id, m.name] as const));
  const shortfalls: Shortfall[] =
    rate < 1
      ? [
          {
            weight: 1,
            reason: `截至${chineseDate(judgedOn)}本年度尚有 ${coverage.untrainedMemberIds.length} 名党员未参加培训，覆盖率 ${percent(coverage.share)}，低于本季度末应达到的 ${percent(expected)}`,
            refs: coverage.untrainedMemberIds.map((id) => ({ table: 'member' as const, id, label: names.get(id) ?? '（已删除的党员）' })),
          },
        ]
      : [];
  const summary = `截至${chineseDate(judgedOn)}本年度党员应参训 ${coverage.shouldTrain} 人，已参训 ${coverage.trained} 人，覆盖率 ${percent(coverage.share)}；本季度末应达到 ${percent(expected)}`;
  return scoredFromRate(indicator, profile, rate, formula, summary, shortfalls);
}
