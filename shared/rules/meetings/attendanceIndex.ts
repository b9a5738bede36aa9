/**
 * Each member's meetings, indexed once: every meeting that lists the member, reduced to that
 * member's own attendance row. The attendance rules then look at one row per meeting instead of
 * scanning every attendee, which keeps the whole roster of a large unit fast to check.
 */
import type { AttendanceMeetingFact } from './attendance';

export function meetingsByMember(meetings: readonly AttendanceMeetingFact[]): Map<string, AttendanceMeetingFact[]> {
  const index = new Map<string, AttendanceMeetingFact[]>();
  for (const m of meetings) {
    if (m.deleted === true) continue;
    for (const a of m.attendance) {
      const fact: AttendanceMeetingFact = { organisationId: m.organisationId, kind: m.kind, date: m.date, attendance: [a] };
      const list = index.get(a.memberId);
      if (list) list.push(fact);
      else index.set(a.memberId, [fact]);
    }
  }
  return index;
}
