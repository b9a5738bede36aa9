/**
 * The committee's summaries are derived data: for EVERY unit of the synthetic city (seed 7, the
 * city of the benchmarks: 200 units, 159,627 records), the city dashboard's row built from the
 * unit's summary equals what the unit's own screens (三会一课 completion, term lights, cadre ratio)
 * and the unit's annual report compute on its full records. Units are generated one at a time.
 */
import { describe, expect, it } from 'vitest';
import { generateUnits, planUnits } from '../../../test/fixtures/generator';
import { computeAnnualFigures, unitReportData } from '../../reports/reportData';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { termLightCounts } from '../summaries';
import { cityDashboard, type RegisteredUnit } from './cityDashboard';
import { buildUnitSummary, type UnitSummaryRecords } from './unitSummary';
import { unitScreenFigures } from './testing/unitScreenFigures';

const CITY = { size: 'city', seed: 7, year: 2026 } as const;
const AS_OF = '2026-12-31';

describe('the whole synthetic city: every unit’s summary row equals its records’ rules', () => {
  it('holds for all 200 units (seed 7)', () => {
    const planned = planUnits(CITY).length;
    let checked = 0;
    let withMeetingsDue = 0;
    for (const unit of generateUnits(CITY)) {
      const records = unit.records as UnitSummaryRecords;
      const name = unit.unit.name;
      const summary = buildUnitSummary(records, { unitId: unit.unit.id, builtAt: '2027-01-20T02:00:00.000Z' });
      const register: RegisteredUnit[] = [{ unitId: unit.unit.id, name, status: 'active', enrolledOn: '2026-01-01', lastBundleOn: '2026-12-20' }];
      const row = cityDashboard([summary], register, { year: 2026, period: { kind: 'year' }, asOf: AS_OF }, P).rows[0]!;

      const screens = unitScreenFigures(records, 2026, AS_OF, AS_OF, P);
      expect(row.completion, name).toEqual(screens.completion);
      expect(row.terms, name).toEqual(termLightCounts(screens.terms));
      expect(row.cadre, name).toMatchObject({ ratio: screens.cadre.ratio, state: screens.cadre.state, fullTimeCount: screens.cadre.fullTimeCount });

      const annual = computeAnnualFigures(unitReportData(records, { unitId: unit.unit.id, year: 2026, committeeName: '工委', profile: P })!);
      expect(row.members, name).toBe(annual.roster.total);
      expect(row.training, name).toMatchObject({ shouldTrain: annual.training.members.shouldTrain, trained: annual.training.members.trained });
      expect(row.organisations, name).toBe(Object.values(annual.organisationCounts.byKind).reduce((s, n) => s + n, 0));

      if ((row.completion?.due ?? 0) > 0) withMeetingsDue++;
      checked++;
    }
    expect(checked).toBe(planned);
    expect(planned).toBe(200);
    expect(withMeetingsDue).toBeGreaterThan(150); // the comparison is about real figures, not empty rows
  });
});
