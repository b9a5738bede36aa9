/** Publishing freezes a quarter; late records change the live scores only, and the note says what would have changed. */
import { describe, expect, it } from 'vitest';
import { compareWithLive, publishQuarter } from './publication';
import { scoreQuarter, type UnitQuarterInput } from './quarterScores';
import { HAND_BUNDLES, HAND_REGISTER, handUnit, meeting, Q3, restamped, TODAY } from './testing/handUnit';

const A: UnitQuarterInput = { unitId: 'ua', name: '单位甲', records: handUnit(), register: HAND_REGISTER, bundles: HAND_BUNDLES };
const B: UnitQuarterInput = { ...A, unitId: 'ub', name: '单位乙', records: restamped(handUnit(), 'ub') };

describe('publishQuarter and compareWithLive', () => {
  const published = publishQuarter(scoreQuarter([A, B], { quarter: Q3, today: TODAY, profiles: [] }), TODAY);
  const frozen = JSON.parse(JSON.stringify(published)) as typeof published;

  it('publishes assessment-shaped snapshots (quarter, scores, total) per unit, frozen', () => {
    expect(published.assessments[0]).toEqual({
      unitId: 'ua',
      quarter: '2026-Q3',
      scores: { meetingCompleteness: 81.33, attendance: 75, terms: 66.67, trainingCoverage: 44.44, cadreRatio: 50, rectification: 66.67, bundleTimeliness: 61.96 },
      total: 66.11,
    });
    expect(Object.isFrozen(published.assessments[0]!.scores)).toBe(true);
    expect(published).toMatchObject({ publishedOn: TODAY, profile: { version: 1 } });
  });

  it('a 党课 recorded after publication changes the live score, not the published one, and the note says so', () => {
    const base = handUnit();
    // b1's missing 党课, held 09-25 but entered 10-20 (late): b1 no longer owes it, the late record costs 2 more
    const lateLecture = meeting('ua', 'b1-lect', 'b1', 'partyLecture', '2026-09-25', { createdAt: '2026-10-20T02:00:00.000Z' });
    const liveA = { ...A, records: { ...base, meeting: [...base.meeting!, lateLecture] } };
    const live = scoreQuarter([liveA, B], { quarter: Q3, today: '2026-10-25', profiles: [] });
    expect(live.units[0]).toMatchObject({ unitId: 'ua', rank: 1 });
    expect(live.units[0]!.scores.meetingCompleteness).toBe(87.67); // 11/12 = 91.67 − 2 × 2

    const [a, b] = compareWithLive(published.assessments, live);
    expect(a).toMatchObject({ unitId: 'ua', changed: true, published: { total: 66.11, rank: 1 }, live: { rank: 1 } });
    expect(a!.changedIndicators).toEqual([{ id: 'meetingCompleteness', name: '组织生活完成率', published: 81.33, live: 87.67 }]);
    expect(a!.sentence).toBe(`已发布 66.11 分、第 1 名；按现有记录重新计算将为 ${live.units[0]!.total} 分、第 1 名（组织生活完成率 81.33 → 87.67）。已发布的结果不变`);
    expect(b).toMatchObject({ unitId: 'ub', changed: true, published: { rank: 1 }, live: { rank: 2 } }); // its rank moves, its scores do not
    expect(b!.changedIndicators).toEqual([]);
    expect(published).toEqual(frozen);
  });

  it('says nothing changed when nothing did; names units published or computed on one side only', () => {
    const same = compareWithLive(published.assessments, scoreQuarter([A, B], { quarter: Q3, today: '2026-11-01', profiles: [] }));
    expect(same.map((c) => [c.changed, c.sentence])).toEqual([
      [false, '按现有记录重新计算，结果与已发布的一致'],
      [false, '按现有记录重新计算，结果与已发布的一致'],
    ]);
    const onlyA = compareWithLive(published.assessments, scoreQuarter([A], { quarter: Q3, today: TODAY, profiles: [] }), new Map([['ub', '单位乙']]));
    expect(onlyA[1]).toMatchObject({ unitId: 'ub', name: '单位乙', live: null });
    expect(onlyA[1]!.sentence).toBe('已发布 66.11 分、第 1 名；该单位不在本次重新计算的范围内。已发布的结果不变');
    const none = compareWithLive([], scoreQuarter([A], { quarter: Q3, today: TODAY, profiles: [] }));
    expect(none[0]!.sentence).toBe('发布时未包括该单位；按现有记录计算为 66.11 分、第 1 名');
    // a deleted assessment record, or one of another quarter, is not the published result
    expect(compareWithLive([{ ...published.assessments[0]!, deleted: true }, { ...published.assessments[0]!, quarter: '2026-Q2' }], scoreQuarter([A], { quarter: Q3, today: TODAY, profiles: [] }))[0]!.published).toBeNull();
  });
});
