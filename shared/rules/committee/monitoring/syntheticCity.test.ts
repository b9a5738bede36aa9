/**
 * The synthetic city (test/fixtures/generator, seed 3, three units): one unit's 2026 Q3 checked by
 * hand, and for every unit and two quarters the indicators agree with the city dashboard and the
 * attendance rule computed another way, every lost point adds up and every record it names exists.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../../test/fixtures/generator';
import { addDays } from '../../dates';
import { memberAttendanceRate } from '../../meetings/attendance';
import { NATIONAL_PROFILE_V1 as P } from '../../profile';
import { cityDashboard } from '../cityDashboard';
import { buildUnitSummary, type UnitSummaryRecords } from '../unitSummary';
import { parseQuarter } from './quarter';
import { scoreQuarter, type UnitQuarterInput } from './quarterScores';
import type { BundleArrival } from './timelinessIndicator';
import type { MonitoringRecords } from './unitRecords';

const city = generateCity({ size: 'city', seed: 3, year: 2026, units: 3 });
const TODAY = '2027-01-20';
const monthly: BundleArrival[] = ['01-28', '02-27', '03-28', '04-28', '05-28', '06-28', '07-28', '08-28', '09-28', '10-28', '11-28', '12-28'].map((d, i) => ({ bundleId: `m${i + 1}`, receivedOn: `2026-${d}` }));
/** The third unit skipped July and August. */
const gap: BundleArrival[] = [{ bundleId: 'g1', receivedOn: '2026-06-28' }, { bundleId: 'g2', receivedOn: '2026-09-10' }];

const units: UnitQuarterInput[] = city.units.map((u, i) => ({
  unitId: u.unit.id,
  name: u.unit.name,
  records: u.records as MonitoringRecords,
  register: { status: 'active', enrolledOn: '2026-01-05' },
  bundles: i === 2 ? gap : monthly,
}));

describe('the synthetic city, 2026 Q3, 市财政局 checked by hand', () => {
  const table = scoreQuarter(units, { quarter: '2026-Q3', today: TODAY, profiles: [] });
  const finance = table.units.find((u) => u.name === '市财政局')!;

  it('scores what its records say', () => {
    // 组织生活: 39 due, 37 held (监督管理科党支部's Q3 党课, 项目管理科党支部's September 支委会 missing) → 94.87;
    //   the 党组会议 of 07-20 and the 换届选举大会 of 08-06 were both entered on 08-29 → − 4
    // 参会: 338 of 376 → 89.89
    // 换届: 党组 (to 2027-04-22), 机关党总支, 4 branches, all within their terms on 09-30; the two 党小组 have none → 100
    // 培训: 38 of 45 trained by 09-30 = 84.44 % ≥ the 75 % due by Q3 → 100
    // 专职党务干部: none of 64 staff, at least 1 needed → 0
    // 整改: 3 items, deadlines 2026-12-07, 2027-01-25 and none → nothing overdue → 100
    // 报送: bundles 06-28 and 09-10: late from 07-29 (day 31) to 09-09, 43 of 92 days → 53.26
    expect(finance.scores).toEqual({ meetingCompleteness: 90.87, attendance: 89.89, terms: 100, trainingCoverage: 100, cadreRatio: 0, rectification: 100, bundleTimeliness: 53.26 });
    // 25 × 90.87 + 15 × 89.89 + 15 × 100 + 15 × 100 + 10 × 0 + 10 × 100 + 10 × 53.26, ÷ 100
    expect(finance.total).toBe(81.53);
    const c = finance.indicators.find((i) => i.id === 'meetingCompleteness')!;
    expect(c.lost.map((l) => l.refs[0]!.label)).toEqual(['市财政局监督管理科党支部', '市财政局项目管理科党支部', expect.stringContaining('中共市财政局党组党组会议')]);
    expect(c.lost[1]!.reason).toContain('2026年9月应召开支委会 1 次，已召开 0 次');
    expect(finance.indicators.find((i) => i.id === 'bundleTimeliness')!.lost[0]!.reason).toBe('2026年7月29日至2026年9月9日共 43 天逾期未报送（上次收到报送为2026年6月28日）');
  });

  it('bundles every month on the 28th are never more than 30 days apart; the gap unit in Q2 had sent nothing since enrolment', () => {
    for (const u of table.units.filter((x) => x.name !== '市财政局')) expect(u.scores.bundleTimeliness, u.name).toBe(100);
    const q2 = scoreQuarter(units, { quarter: '2026-Q2', today: TODAY, profiles: [] }).units.find((u) => u.name === '市财政局')!;
    // enrolled 01-05, first bundle 06-28: late from 02-05 until 06-27; in Q2 on time only 06-28…06-30 → 3 / 91
    const t = q2.indicators.find((i) => i.id === 'bundleTimeliness')!;
    expect(t.score).toBe(3.3);
    expect(t.lost.map((l) => [l.reason, l.refs[0]!.table])).toEqual([['2026年4月1日至2026年6月27日共 88 天逾期未报送（2026年1月5日纳管登记后未收到报送）', 'enrolledUnit']]);
  });

  it('ranks the three units by total', () => {
    expect(table.units.map((u) => u.rank)).toEqual([1, 2, 3]);
    expect(table.units[0]!.total).toBeGreaterThan(table.units[1]!.total);
  });
});

describe.each(['2026-Q2', '2026-Q3'])('the synthetic city, %s, against the other rules', (quarter) => {
  const q = parseQuarter(quarter);
  const table = scoreQuarter(units, { quarter, today: TODAY, profiles: [] });
  // the dashboard on the same days: meetings as of the day after the quarter, terms on its last day
  const summaries = city.units.map((u) => buildUnitSummary(u.records as UnitSummaryRecords, { unitId: u.unit.id, builtAt: '2027-01-20T02:00:00.000Z' }));
  const register = units.map((u) => ({ unitId: u.unitId, name: u.name, status: 'active' as const, enrolledOn: '2026-01-05', lastBundleOn: null }));
  const dashboard = cityDashboard(summaries, register, { year: 2026, period: { kind: 'quarter', q: q.q }, asOf: addDays(q.period.end, 1) }, P);

  it.each(units.map((u) => [u.name, u] as const))('%s', (_name, unit) => {
    const scored = table.units.find((u) => u.unitId === unit.unitId)!;
    const ind = Object.fromEntries(scored.indicators.map((i) => [i.id, i]));
    const row = dashboard.rows.find((r) => r.unitId === unit.unitId)!;

    expect(ind.meetingCompleteness!.rate).toBe(row.completion!.rate);
    const owedLost = ind.meetingCompleteness!.lost.filter((l) => l.refs[0]?.table === 'organisation').length;
    expect(owedLost > 0).toBe(row.meetingsOwed! > 0);

    expect(ind.terms!.summary).toContain(`实行任期制的党组织 ${row.terms!.applicable} 个`);
    expect(ind.terms!.lost).toHaveLength(row.terms!.byLight.red);

    // attendance, member by member through memberAttendanceRate
    const meetings = (unit.records.meeting ?? []).filter((m) => !m.deleted);
    const members = new Set(meetings.flatMap((m) => m.attendance.map((a) => a.memberId)));
    let present = 0;
    let should = 0;
    for (const memberId of members) {
      const r = memberAttendanceRate({ memberId, meetings, from: q.period.start, to: q.period.end });
      present += r.present;
      should += r.shouldAttend;
    }
    expect(ind.attendance!.rate).toBeCloseTo(present / should, 12);

    // every lost point adds up and names records that exist
    const ids = new Map<string, Set<string>>(Object.entries(unit.records).map(([t, rows]) => [t, new Set((rows as { id: string; deleted: boolean }[]).filter((r) => !r.deleted).map((r) => r.id))]));
    ids.set('importLog', new Set(unit.bundles!.map((b) => b.bundleId)));
    ids.set('enrolledUnit', new Set([unit.unitId]));
    for (const i of scored.indicators) {
      expect(i.score, i.id).not.toBeNull();
      expect(Math.round(i.lost.reduce((s, l) => s + l.points, 0) * 100), i.id).toBe(Math.round((100 - i.score!) * 100));
      for (const l of i.lost) for (const ref of l.refs) expect(ids.get(ref.table)?.has(ref.id), `${i.id} ${ref.table} ${ref.label}`).toBe(true);
    }
  });
});
