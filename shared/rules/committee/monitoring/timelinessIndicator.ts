/**
 * 数据报送及时性 of one unit in a quarter, by bundleTimeliness (lateness.ts) judged on every day of
 * the quarter from the unit's enrolment (纳管登记) up to the day judged: the share of those days on
 * which the unit was NOT late (more than `sync.lateAfterDays` days since the last bundle the 工委
 * received, or since enrolment when none yet). Only what the 工委 knows counts: the days it imported
 * the unit's bundles. A revoked unit is never late (its bundles are refused anyway).
 */
import type { EnrolledUnitStatus } from '../../../model/vocabulary';
import { addDays, compareIsoDates, daysBetween, maxDate, type IsoDate } from '../../dates';
import { lateAfterDays, type AssessmentIndicator } from '../../profile';
import { chineseDate, percent } from '../../text';
import { bundleTimeliness } from '../lateness';
import type { IndicatorContext } from './context';
import { noData, scoredFromRate, type Shortfall } from './scale';
import type { IndicatorResult, RecordRef } from './types';

/** The unit's entry in the 工委's register (纳管单位). */
export interface RegisterEntry {
  readonly status: EnrolledUnitStatus;
  /** 纳管登记 day (China time). */
  readonly enrolledOn: IsoDate;
}

/** A bundle the 工委 received from the unit: the importLog row's id and its day (China time). */
export interface BundleArrival {
  readonly bundleId: string;
  readonly receivedOn: IsoDate;
}

export function bundleTimelinessIndicator(
  ctx: IndicatorContext,
  indicator: AssessmentIndicator,
  register: RegisterEntry | null,
  bundles: readonly BundleArrival[],
): IndicatorResult {
  const allowed = lateAfterDays(ctx.profile);
  const formula = `季度内（纳管登记后）各天中未逾期报送的天数 ÷ 总天数 × 100（距上次报送超过 ${allowed} 天为逾期；从未报送的从纳管登记日起算）`;
  if (register === null) return noData(indicator, formula, '该单位不在纳管单位名单中');
  const from = maxDate(ctx.quarter.period.start, register.enrolledOn);
  if (compareIsoDates(from, ctx.judgedOn) > 0) return noData(indicator, formula, `该单位于${chineseDate(register.enrolledOn)}纳管登记，${ctx.quarter.period.label}尚未纳管`);

  const arrivals = [...bundles].sort((a, b) => compareIsoDates(a.receivedOn, b.receivedOn));
  const days = daysBetween(from, ctx.judgedOn) + 1;
  let next = 0;
  let last: BundleArrival | null = null;
  let lateDays = 0;
  const shortfalls: Shortfall[] = [];
  let run: { start: IsoDate; end: IsoDate; reason: string; ref: RecordRef } | null = null;
  const closeRun = (): void => {
    if (run === null) return;
    const n = daysBetween(run.start, run.end) + 1;
    shortfalls.push({ weight: n, reason: `${chineseDate(run.start)}至${chineseDate(run.end)}共 ${n} 天逾期未报送（${run.reason}）`, refs: [run.ref] });
    run = null;
  };
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    while (next < arrivals.length && compareIsoDates(arrivals[next]!.receivedOn, day) <= 0) last = arrivals[next++]!;
    const t = bundleTimeliness({ status: register.status, enrolledOn: register.enrolledOn, lastBundleOn: last?.receivedOn ?? null }, day, ctx.profile);
    if (!t.late) {
      closeRun();
      continue;
    }
    lateDays++;
    if (run === null) {
      const ref: RecordRef =
        last === null
          ? { table: 'enrolledUnit', id: ctx.unitId, label: `${chineseDate(register.enrolledOn)}纳管登记，此后未收到报送` }
          : { table: 'importLog', id: last.bundleId, label: `${chineseDate(last.receivedOn)}收到的数据包` };
      run = { start: day, end: day, reason: last === null ? `${chineseDate(register.enrolledOn)}纳管登记后未收到报送` : `上次收到报送为${chineseDate(last.receivedOn)}`, ref };
    } else run.end = day;
  }
  closeRun();
  const rate = (days - lateDays) / days;
  return scoredFromRate(
    indicator,
    ctx.profile,
    rate,
    formula,
    `${chineseDate(from)}至${chineseDate(ctx.judgedOn)}共 ${days} 天，逾期未报送 ${lateDays} 天，及时率 ${percent(rate)}`,
    shortfalls,
  );
}
