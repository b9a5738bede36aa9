/**
 * TEST SUPPORT: what the unit screens' rules give on a unit's full records — the figures a
 * committee summary must reproduce (cityDashboard.test.ts, wholeCity.test.ts).
 */
import type { IsoDate } from '../../dates';
import { combineCompletion } from '../../meetings/meetingCompliance';
import { groupMeetingsByOrganisation, unitMeetingCompliance } from '../../meetings/unitCompliance';
import { cadreRatio } from '../../organisations/cadreRatio';
import { organisationExistsOn } from '../../organisations/organisations';
import { termLight } from '../../organisations/termLight';
import type { RuleProfile } from '../../profile';
import type { UnitSummaryRecords } from '../unitSummary';

const live = <T extends { deleted: boolean }>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((x) => !x.deleted);

/** 三会一课 completion, term lights and the cadre ratio as the unit's own screens compute them. */
export function unitScreenFigures(records: UnitSummaryRecords, year: number, asOf: IsoDate, judgedOn: IsoDate, profile: RuleProfile) {
  const organisations = live(records.organisation);
  const elections = live(records.election);
  const compliance = unitMeetingCompliance(organisations, live(records.committeeSeat), groupMeetingsByOrganisation(live(records.meeting)), year, asOf, profile);
  const terms = organisations.filter((o) => organisationExistsOn(o, judgedOn)).map((o) => termLight({ organisation: o, elections, asOf: judgedOn }, profile));
  const unit = live(records.unit)[0]!;
  return { completion: combineCompletion(compliance.map((c) => c.result)), terms, cadre: cadreRatio({ staffCount: unit.staffCount, members: live(records.member) }, profile) };
}
