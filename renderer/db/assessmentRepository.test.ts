/**
 * Publishing a quarter's scores: one assessment per unit from the live table the committee's
 * monitoring computes over what it holds; frozen (no second publication); each unit's return bundle
 * carries its own result only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scoreQuarter } from '../../shared/rules/committee/monitoring';
import type { TaizhangDb } from './db';
import { publishQuarterScores } from './assessmentRepository';
import { unitInbox } from './queries/accountability';
import { monitoringBasis, monitoringInput } from './queries/monitoring';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('publishing a quarter’s monitoring scores', () => {
  it('scores the unit from what the committee holds, publishes once, and the unit receives its own result', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });

    const basis = await monitoringBasis(committee.db);
    expect(basis.units.map((u) => u.unitId)).toEqual([unitId]);
    expect(basis.arrivals.get(unitId)).toHaveLength(1); // the bundle just imported
    const input = await monitoringInput(committee.db, basis.units[0]!, basis.arrivals.get(unitId)!);
    expect(input.records.organisation?.length).toBeGreaterThan(0); // the unit's tree came with its bundle
    const table = scoreQuarter([input], { quarter: '2026-Q4', today: '2026-11-28', profiles: basis.profiles });
    const [published] = await must(publishQuarterScores(committee, table));
    expect(published).toMatchObject({ unitId, quarter: '2026-Q4', total: table.units[0]!.total });
    expect(published!.scores).toEqual(table.units[0]!.scores);

    // frozen: a second publication of the quarter is refused, in Chinese
    expect(await publishQuarterScores(committee, table)).toMatchObject({ ok: false, error: { kind: 'already-published', message: '2026年第4季度的考核结果已经发布，不能重复发布。' } });
    // a unit cannot publish
    expect(await publishQuarterScores(unit, table)).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });

    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const inbox = await unitInbox(unit.db, unitId);
    expect(inbox.assessments).toEqual([expect.objectContaining({ quarter: '2026-Q4', total: published!.total })]);
  });
});
