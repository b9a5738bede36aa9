/**
 * The 三会一课 screens on the largest city unit: the whole-unit compliance (overview and calendar)
 * and every member's attendance + 自行脱党 check, against a baseline of one bare pass that only
 * groups the same meetings by organisation. "Without visible delay" means well under 100 ms.
 */
import type { Meeting } from '../../shared/model/meeting';
import type { Member } from '../../shared/model/member';
import type { Organisation } from '../../shared/model/organisation';
import type { CommitteeSeat } from '../../shared/model/committeeSeat';
import { memberAttendanceRate, selfWithdrawalWarning } from '../../shared/rules/meetings/attendance';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { meetingsByMember } from '../../shared/rules/meetings/attendanceIndex';
import { groupMeetingsByOrganisation, unitMeetingCompliance, worstFirst } from '../../shared/rules/meetings/unitCompliance';
import { largestCityUnit, ms, timeIt } from './largestUnit';

export async function run(): Promise<void> {
  const unit = largestCityUnit();
  const meetings = (unit.records.meeting ?? []) as Meeting[];
  const members = (unit.records.member ?? []) as Member[];
  const organisations = (unit.records.organisation ?? []) as Organisation[];
  const seats = (unit.records.committeeSeat ?? []) as CommitteeSeat[];
  const asOf = '2026-11-28';
  console.log(`${unit.unit.name}: ${organisations.length} organisations, ${members.length} members, ${meetings.length} meetings`);

  const baseline = await timeIt(() => {
    const byOrg = new Map<string, Meeting[]>();
    for (const m of meetings) (byOrg.get(m.organisationId) ?? byOrg.set(m.organisationId, []).get(m.organisationId)!).push(m);
    return byOrg.size;
  });
  const overview = await timeIt(() => worstFirst(unitMeetingCompliance(organisations, seats, groupMeetingsByOrganisation(meetings), 2026, asOf, NATIONAL_PROFILE_V1)));
  const calendar = await timeIt(() => unitMeetingCompliance([organisations[organisations.length - 1]!], seats, groupMeetingsByOrganisation(meetings), 2026, asOf, NATIONAL_PROFILE_V1));
  console.log(`全单位概览 overview (all organisations): ${ms(overview)}  vs bare grouping pass: ${ms(baseline)}  → ${(overview / baseline).toFixed(1)}×`);
  console.log(`完成情况日历 calendar (one organisation, incl. grouping): ${ms(calendar)}`);

  const attendance = await timeIt(() => {
    const byMember = meetingsByMember(meetings);
    let flagged = 0;
    for (const member of members) {
      const mine = byMember.get(member.id) ?? [];
      memberAttendanceRate({ memberId: member.id, meetings: mine, from: '2026-01-01', to: asOf });
      if (selfWithdrawalWarning({ member, meetings: mine, since: '2026-01-01', asOf }, NATIONAL_PROFILE_V1).flagged) flagged++;
    }
    return flagged;
  }, 3);
  const attendanceBaseline = await timeIt(() => {
    let n = 0;
    for (const m of meetings) n += m.attendance.length;
    return n;
  }, 3);
  console.log(`党员出勤 member attendance + 自行脱党 (${members.length} members): ${ms(attendance)}  vs bare pass over all attendance rows: ${ms(attendanceBaseline)}  → ${(attendance / attendanceBaseline).toFixed(1)}×`);
}
