/**
 * 书记项目评价 (the committee's `projectRating`, record schema 7): the 工委 rates a unit's 书记项目 that
 * reached it in the unit's bundle (rating it again corrects the one record); a unit cannot rate; a
 * project the 工委 does not hold cannot be rated; the rating reaches the unit in the return bundle,
 * where the unit reads it beside its project.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TaizhangDb } from './db';
import { rateSecretaryProject } from './projectRatingRepository';
import { unitProjectRatings, unitSecretaryProjects } from './queries/secretaryProjects';
import { createSecretaryProject } from './secretaryProjectRepository';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function projectAtCommittee() {
  const pair = await enrolledPair(now, opened);
  const project = await must(
    createSecretaryProject(pair.unit, { year: 2026, secretaryName: '王建国', title: '“党建+营商环境”提质增效', goal: '', progress: '', evaluation: '' }),
  );
  await importInto(pair.committee, (await must(exportUnitBundle(pair.unit, {}))).bytes, { confirm: true });
  return { ...pair, project };
}

describe('书记项目评价', () => {
  it('the 工委 rates a unit’s project; rating it again corrects the one record; the unit cannot rate', async () => {
    const { committee, unit, unitId, project } = await projectAtCommittee();
    const first = await must(rateSecretaryProject(committee, { unitId, projectId: project.id, rating: 'fairlyGood', comment: '  措施具体，成效初显。 ' }));
    expect(first).toMatchObject({ unitId, projectId: project.id, year: 2026, rating: 'fairlyGood', comment: '措施具体，成效初显。' });
    const again = await must(rateSecretaryProject(committee, { unitId, projectId: project.id, rating: 'good', comment: '目标全部实现。' }));
    expect(again.id).toBe(first.id);
    expect((await unitProjectRatings(committee.db, unitId)).map((r) => [r.rating, r.comment])).toEqual([['good', '目标全部实现。']]);

    expect(await rateSecretaryProject(unit, { unitId, projectId: project.id, rating: 'good', comment: '' })).toMatchObject({
      ok: false,
      error: { kind: 'wrong-mode', message: '书记项目的评价由机关工委作出，单位端只能查看。' },
    });
    expect(await rateSecretaryProject(committee, { unitId, projectId: '019bc000-0000-7000-8000-0000000000f9', rating: 'good', comment: '' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found', message: expect.stringContaining('请导入该单位最新的同步包') as unknown },
    });
    expect(await rateSecretaryProject(committee, { unitId, projectId: project.id, rating: 'excellent' as never, comment: '' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('reaches the unit in the return bundle and is read beside its project; a correction follows', async () => {
    const { committee, unit, unitId, project } = await projectAtCommittee();
    const rating = await must(rateSecretaryProject(committee, { unitId, projectId: project.id, rating: 'fairlyGood', comment: '群众满意度提升明显，长效机制有待健全。' }));
    expect(await unitProjectRatings(unit.db, unit.ownerId)).toEqual([]);
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const [seen] = await unitProjectRatings(unit.db, unit.ownerId);
    expect({ ...seen }).toEqual(rating);
    const [own] = await unitSecretaryProjects(unit.db, unit.ownerId);
    expect(seen!.projectId).toBe(own!.id);

    await must(rateSecretaryProject(committee, { unitId, projectId: project.id, rating: 'good', comment: '经复核，目标全部实现。' }));
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    expect((await unitProjectRatings(unit.db, unit.ownerId)).map((r) => [r.rating, r.comment])).toEqual([['good', '经复核，目标全部实现。']]);
  });
});
