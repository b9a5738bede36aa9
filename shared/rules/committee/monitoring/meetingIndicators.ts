/**
 * 组织生活完成率 and 党员参会率 of one unit in one quarter, from its meeting records, by the rules of
 * the unit's own 三会一课 screens (meetingCompliance through unitMeetingCompliance; meetingTimeliness).
 *
 * 组织生活完成率: the requirement periods that END in the quarter (its three months, the quarter
 * itself, and in Q4 the year), as the city dashboard counts them: Σ min(held, required) / Σ required
 * over the periods held or owed. meetingCompliance decides what is required: an organisation founded
 * mid-quarter owes from its first full month (the quarter's 党员大会 from the next quarter); one
 * dissolved in the quarter owes nothing from the period it was dissolved in. A meeting recorded late
 * (补录: created more than `recordWithinDays` days after it was held, China time) still counts as
 * held but costs `lateRecordPoints` each, at most `lateRecordMaxPoints` (profile, assessment.scoring).
 *
 * 党员参会率: over the meetings held in the quarter (up to the day judged), present / (present +
 * absent) of the attendance lists; excluded members (经批准不计入应到) are not counted; a member
 * listed twice in one meeting counts once (present wins, then absent), as memberAttendanceRate reads it.
 */
import type { Meeting } from '../../../model';
import type { AttendanceStatus } from '../../../model/vocabulary';
import { compareIsoDates, parseIsoDate } from '../../dates';
import { meetingTimeliness } from '../../meetings/meetingCompliance';
import { groupMeetingsByOrganisation, unitMeetingCompliance } from '../../meetings/unitCompliance';
import { assessmentScoring, type AssessmentIndicator } from '../../profile';
import { percent } from '../../text';
import { meetingRef, NO_ORGANISATIONS, organisationRef, organisationsOfQuarter, type IndicatorContext } from './context';
import { lostPoint, noData, round2, scoredFromRate, type Shortfall } from './scale';
import type { IndicatorResult, RecordRef } from './types';

function meetingsOfQuarter(ctx: IndicatorContext): Meeting[] {
  const { start } = ctx.quarter.period;
  const unitOrgs = new Set(ctx.records.organisations.map((o) => o.id));
  return ctx.records.meetings.filter((m) => unitOrgs.has(m.organisationId) && compareIsoDates(m.date, start) >= 0 && compareIsoDates(m.date, ctx.judgedOn) <= 0);
}

export function meetingCompletenessIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator): IndicatorResult {
  const { profile, quarter } = ctx;
  const scoring = assessmentScoring(profile);
  const within = profile.meetings.recordWithinDays;
  const formula =
    `本季度到期的三会一课等组织生活已按要求召开的次数 ÷ 应召开次数 × 100（频次按规则配置；新成立的党组织从成立后第一个完整月、季度起计算，撤销当期不作要求）` +
    `；每补录 1 次会议（会后超过 ${within} 天录入）扣 ${scoring.lateRecordPoints} 分，本项最多扣 ${scoring.lateRecordMaxPoints} 分`;
  const orgs = organisationsOfQuarter(ctx);
  if (orgs.length === 0) return noData(indicator, formula, NO_ORGANISATIONS);

  const compliance = unitMeetingCompliance(orgs, ctx.records.seats, groupMeetingsByOrganisation(ctx.records.meetings), quarter.year, ctx.meetingsAsOf, profile);
  const firstMonth = (quarter.q - 1) * 3 + 1;
  let met = 0;
  let due = 0;
  const shortfalls: Shortfall[] = [];
  for (const { organisation, result } of compliance)
    for (const k of result.kinds)
      for (const p of k.periods) {
        const month = parseIsoDate(p.period.end).month;
        if (parseIsoDate(p.period.end).year !== quarter.year || month < firstMonth || month > firstMonth + 2) continue;
        if (p.state !== 'held' && p.state !== 'owed') continue;
        met += Math.min(p.held, p.required);
        due += p.required;
        if (p.state === 'owed') shortfalls.push({ weight: p.required - p.held, reason: `${organisation.name}：${p.reason}（依据：${k.basis}）`, refs: [organisationRef(ctx, organisation.id)] });
      }
  if (due === 0) return noData(indicator, formula, `${quarter.period.label}尚无到期的组织生活（季度未结束，或党组织均为新成立、已撤销）`);

  const late = meetingsOfQuarter(ctx)
    .map((m) => ({ m, t: meetingTimeliness(m, m.createdAt, profile) }))
    .filter((x) => x.t.late)
    .sort((a, b) => compareIsoDates(a.m.date, b.m.date));
  const rate = met / due;
  const summary = `${quarter.period.label}应召开 ${due} 次，按要求召开 ${met} 次，完成率 ${percent(rate)}${late.length > 0 ? `；补录会议 ${late.length} 次` : ''}`;
  const scored = scoredFromRate(indicator, profile, rate, formula, summary, shortfalls);
  if (late.length === 0 || scored.score === null) return scored;
  const deduction = Math.min(late.length * scoring.lateRecordPoints, scoring.lateRecordMaxPoints, scored.score);
  if (deduction <= 0) return scored;
  const refs: RecordRef[] = late.map(({ m, t }) => ({ ...meetingRef(ctx, m), label: `${meetingRef(ctx, m).label}：${t.reason}` }));
  return {
    ...scored,
    score: round2(scored.score - deduction),
    lost: [...scored.lost, lostPoint(indicator, deduction, `补录会议 ${late.length} 次（会后超过 ${within} 天录入），每次扣 ${scoring.lateRecordPoints} 分，最多扣 ${scoring.lateRecordMaxPoints} 分`, refs)],
  };
}

/** Each listed member's status at one meeting, a member listed twice counting once (present, then absent, then excluded). */
function statusesAt(m: Meeting): Map<string, AttendanceStatus> {
  const out = new Map<string, AttendanceStatus>();
  for (const a of m.attendance) {
    const before = out.get(a.memberId);
    if (before === 'present' || (before === 'absent' && a.status === 'excluded')) continue;
    out.set(a.memberId, a.status);
  }
  return out;
}

export function attendanceIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator): IndicatorResult {
  const formula = '本季度各次会议党员出席人次 ÷ 应出席人次 × 100（经批准不计入应到的党员不计）';
  if (organisationsOfQuarter(ctx).length === 0) return noData(indicator, formula, NO_ORGANISATIONS);
  let present = 0;
  let should = 0;
  const shortfalls: Shortfall[] = [];
  for (const m of meetingsOfQuarter(ctx).sort((a, b) => compareIsoDates(a.date, b.date))) {
    let absent = 0;
    for (const s of statusesAt(m).values()) {
      if (s === 'present') present++;
      if (s === 'absent') absent++;
      if (s !== 'excluded') should++;
    }
    if (absent > 0) {
      const ref = meetingRef(ctx, m);
      shortfalls.push({ weight: absent, reason: `${ref.label}缺席 ${absent} 人次`, refs: [ref] });
    }
  }
  if (should === 0) return noData(indicator, formula, `${ctx.quarter.period.label}没有登记了参会人员的会议`);
  const rate = present / should;
  return scoredFromRate(indicator, ctx.profile, rate, formula, `${ctx.quarter.period.label}应出席 ${should} 人次，出席 ${present} 人次，参会率 ${percent(rate)}`, shortfalls);
}
