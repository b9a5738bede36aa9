/**
 * 按期换届 and 专职党务干部配备 of one unit at the end of a quarter (or on the day judged, in a
 * running quarter), by the unit screens' own rules: termLight (换届三色预警) and cadreRatio.
 *
 * 按期换届: the organisations existing on the day judged whose kind has a term (党小组 has none);
 * red (term ended without election or approved extension, or no term recorded) loses, yellow and
 * green keep their points. An organisation dissolved by then is not counted; one founded during
 * the quarter is, from its own term dates.
 *
 * 专职党务干部配备: the unit's staff count (its unit record) and its members as they stood on the
 * day judged (on the roster, status on that day). Within or above the profile's range → 100; below →
 * the full-time cadres it has ÷ the fewest it should have.
 */
import { ORGANISATION_KIND_LABELS } from '../../../model/vocabulary';
import { cadreRatio } from '../../organisations/cadreRatio';
import { organisationExistsOn } from '../../organisations/organisations';
import { termLight } from '../../organisations/termLight';
import { onRosterOn, statusOn } from '../../members/membership';
import type { AssessmentIndicator } from '../../profile';
import { basisPointsPercent, chineseDate } from '../../text';
import { NO_ORGANISATIONS, organisationRef, organisationsOfQuarter, type IndicatorContext } from './context';
import { noData, scoredFromRate, type Shortfall } from './scale';
import type { IndicatorResult } from './types';

export function termsIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator): IndicatorResult {
  const formula = '季度末实行任期制的党组织中，未超期（绿灯、黄灯）的个数 ÷ 总数 × 100；任期届满未换届且无经批准的延期、或未录入任期信息（红灯）的不得分';
  if (organisationsOfQuarter(ctx).length === 0) return noData(indicator, formula, NO_ORGANISATIONS);
  const { judgedOn } = ctx;
  const existing = ctx.records.organisations.filter((o) => organisationExistsOn(o, judgedOn));
  let applicable = 0;
  const shortfalls: Shortfall[] = [];
  for (const o of existing) {
    const t = termLight({ organisation: o, elections: ctx.records.elections, asOf: judgedOn }, ctx.profile);
    if (!t.applicable) continue;
    applicable++;
    if (t.light === 'red') shortfalls.push({ weight: 1, reason: `${o.name}（${ORGANISATION_KIND_LABELS[o.kind]}）：${t.reason}`, refs: [organisationRef(ctx, o.id)] });
  }
  if (applicable === 0) return noData(indicator, formula, `${chineseDate(judgedOn)}没有实行任期制的党组织`);
  const ok = applicable - shortfalls.length;
  return scoredFromRate(indicator, ctx.profile, ok / applicable, formula, `${chineseDate(judgedOn)}实行任期制的党组织 ${applicable} 个，按期 ${ok} 个，超期或未录入任期 ${shortfalls.length} 个`, shortfalls);
}

export function cadreRatioIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator): IndicatorResult {
  const { minBasisPoints, maxBasisPoints } = ctx.profile.cadreRatio;
  const formula = `专职党务干部达到机关工作人员总数 ${basisPointsPercent(minBasisPoints)}–${basisPointsPercent(maxBasisPoints)} 的下限（人数较少的单位至少 1 人）得满分，不足的按实有人数 ÷ 应有人数计分`;
  const unit = ctx.records.unit;
  if (unit === null) return noData(indicator, formula, '尚未收到该单位的单位信息（机关工作人员总数）');
  const { judgedOn } = ctx;
  const members = ctx.records.members.filter((m) => onRosterOn(m, judgedOn)).map((m) => ({ status: statusOn(m, judgedOn), cadre: m.cadre }));
  const r = cadreRatio({ staffCount: unit.staffCount, members }, ctx.profile);
  const rate = r.state === 'below' ? r.fullTimeCount / r.minCount : 1;
  const shortfalls: Shortfall[] = r.state === 'below' ? [{ weight: 1, reason: r.reason, refs: [{ table: 'unit', id: unit.id, label: unit.name }] }] : [];
  return scoredFromRate(indicator, ctx.profile, rate, formula, r.reason, shortfalls);
}
