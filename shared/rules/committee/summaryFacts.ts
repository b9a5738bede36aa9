/**
 * A UnitSummary's facts in the shapes the rules take (MeetingFact, CommitteeSeatFact), so that the
 * dashboard calls the unit screens' own rule functions on them.
 */
import type { MeetingFact } from '../meetings/meetingCompliance';
import type { CommitteeSeatFact } from '../organisations/seats';
import type { UnitSummary } from './summarySchema';

/** Organisation id → its meetings (unitMeetingCompliance's `meetingsByOrganisation`). */
export function summaryMeetingsByOrganisation(summary: UnitSummary): Map<string, MeetingFact[]> {
  const out = new Map<string, MeetingFact[]>();
  for (const group of summary.meetings) {
    const list = out.get(group.organisationId) ?? [];
    for (const date of group.dates) list.push({ organisationId: group.organisationId, kind: group.kind, date });
    out.set(group.organisationId, list);
  }
  return out;
}

/** Seats with the pseudonym standing in for the member id (hasCommitteeOn counts distinct holders). */
export function summarySeatFacts(summary: UnitSummary): CommitteeSeatFact[] {
  return summary.seats.map((s) => ({ organisationId: s.organisationId, memberId: s.holder, post: s.post, from: s.from, to: s.to }));
}
