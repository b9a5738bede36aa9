/**
 * 联系组督导检查 over fake-indexeddb: the committee records, corrects and deletes visits to its
 * enrolled units; the follow-up items come back from the stored text; the unit's side cannot write
 * them; the return bundle does not carry them; the register names the notices and cards made from
 * a visit's follow-up items.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rectificationNotice, visitReference, cardTextsFromFollowUp, parseFindings } from '../../shared/rules/committee/supervisionVisits';
import type { TaizhangDb } from './db';
import { issueCard, sendNotice } from './accountabilityRepository';
import { supervisionRegister, unitSupervisionVisits } from './queries/supervision';
import { createSupervisionVisit, deleteSupervisionVisit, updateSupervisionVisit, type SupervisionVisitInput } from './supervisionRepository';
import { revokeUnit } from './sync/enrolment';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const now = testClock(); // 2026-11-28
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const visitOf = (unitId: string, over: Partial<SupervisionVisitInput> = {}): SupervisionVisitInput => ({
  unitId,
  kind: 'survey',
  date: '2026-11-20',
  visitors: ' 张伟、李娜 ',
  findings: '第一党支部“三会一课”记录不全',
  followUps: ['补齐第一党支部会议记录', '建立支部工作月报制度'],
  ...over,
});

describe('督导检查 records', () => {
  it('are created, corrected and deleted by the committee, items kept in the findings text', async () => {
    const { committee, unitId } = await enrolledPair(now, opened);
    const v = await must(createSupervisionVisit(committee, visitOf(unitId)));
    expect(v).toMatchObject({ unitId, kind: 'survey', date: '2026-11-20', visitors: '张伟、李娜' });
    expect(parseFindings(v.findings)).toEqual({ findings: '第一党支部“三会一课”记录不全', followUps: ['补齐第一党支部会议记录', '建立支部工作月报制度'] });

    const edited = await must(updateSupervisionVisit(committee, v.id, visitOf(unitId, { kind: 'forum', followUps: ['补齐第一党支部会议记录'] })));
    expect(edited.id).toBe(v.id);
    expect(edited.kind).toBe('forum');
    expect((await unitSupervisionVisits(committee.db, unitId)).map((x) => parseFindings(x.findings).followUps)).toEqual([['补齐第一党支部会议记录']]);

    await must(deleteSupervisionVisit(committee, v.id));
    expect(await unitSupervisionVisits(committee.db, unitId)).toEqual([]);
    expect((await supervisionRegister(committee.db)).visits).toEqual([]);
    const again = await deleteSupervisionVisit(committee, v.id);
    expect(again.ok ? null : again.error.message).toBe('该督导检查记录不存在或已被删除，请刷新后重试。');
  });

  it('refuses a date after today, an unknown or revoked unit, a move to another unit, and the unit side', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    const refusal = async (p: ReturnType<typeof createSupervisionVisit>) => {
      const r = await p;
      return r.ok ? null : { message: r.error.message, path: r.error.path };
    };
    expect(await refusal(createSupervisionVisit(committee, visitOf(unitId, { date: '2026-11-29' })))).toEqual({
      message: '督导日期不能晚于今天（2026年11月28日），请登记已经开展的督导',
      path: ['date'],
    });
    expect(await refusal(createSupervisionVisit(committee, visitOf('no-such-unit')))).toMatchObject({ message: '该单位不在纳管单位名册中，请先在“同步”中完成纳管登记。' });
    expect(await refusal(createSupervisionVisit(unit, visitOf(unitId)))).toMatchObject({ message: '督导检查由机关工委联系组登记，单位不能自行填写。' });
    const v = await must(createSupervisionVisit(committee, visitOf(unitId)));
    expect(await refusal(updateSupervisionVisit(committee, v.id, visitOf('another')))).toMatchObject({ path: ['unitId'] });
    await must(revokeUnit(committee, unitId));
    expect(await refusal(createSupervisionVisit(committee, visitOf(unitId)))).toEqual({ message: '市财政局已被吊销，不能再登记对其的督导检查。', path: ['unitId'] });
    // the revoked unit's past visits stay in the register
    expect((await supervisionRegister(committee.db)).visits.map((x) => x.id)).toEqual([v.id]);
  });

  it('keep the 日常指导评价 given at the visit (0–100, optional), clear it when emptied, refuse one out of range; it never reaches the unit', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    const v = await must(createSupervisionVisit(committee, visitOf(unitId, { guidanceScore: 80 })));
    expect((await committee.db.supervisionVisit.get(v.id))!.guidanceScore).toBe(80);
    const unscored = await must(createSupervisionVisit(committee, visitOf(unitId, { date: '2026-11-21' })));
    expect('guidanceScore' in (await committee.db.supervisionVisit.get(unscored.id))!).toBe(false);

    const refused = await updateSupervisionVisit(committee, v.id, visitOf(unitId, { guidanceScore: 101 }));
    expect(refused.ok ? null : { message: refused.error.message, path: refused.error.path }).toEqual({
      message: '日常指导评价应为 0 至 100 之间的整数分，请核对；本次未评价的请留空',
      path: ['guidanceScore'],
    });
    expect((await createSupervisionVisit(committee, visitOf(unitId, { guidanceScore: 85.5 }))).ok).toBe(false);
    expect((await committee.db.supervisionVisit.get(v.id))!.guidanceScore).toBe(80);

    await must(updateSupervisionVisit(committee, v.id, visitOf(unitId, { guidanceScore: 0 })));
    expect((await committee.db.supervisionVisit.get(v.id))!.guidanceScore).toBe(0);
    await must(updateSupervisionVisit(committee, v.id, visitOf(unitId, { guidanceScore: null })));
    expect((await committee.db.supervisionVisit.get(v.id))!.guidanceScore).toBeUndefined();

    await must(updateSupervisionVisit(committee, v.id, visitOf(unitId, { guidanceScore: 90 })));
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    expect(await unit.db.supervisionVisit.count()).toBe(0);
  });

  it('stay with the committee: the return bundle carries the notice and card made from them, not the visit', async () => {
    const pair = await enrolledPair(now, opened);
    const { committee, unit, unitId } = pair;
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    const v = await must(createSupervisionVisit(committee, visitOf(unitId)));
    const n = rectificationNotice(v, '补齐第一党支部会议记录');
    await must(sendNotice(committee, { unitIds: [unitId], title: n.title, body: n.body, issuedOn: '2026-11-28', dueOn: null }));
    const c = cardTextsFromFollowUp(v, '建立支部工作月报制度');
    await must(issueCard(committee, { unitId, subjectKind: 'unit', subjectId: unitId, colour: 'yellow', ...c, issuedOn: '2026-11-28', fixBy: null, consequences: [] }));

    const register = await supervisionRegister(committee.db);
    expect(register.notices.map((x) => x.title)).toEqual(['督导整改要求（2026年11月20日调研）：补齐第一党支部会议记录']);
    expect(register.cards.filter((x) => x.evidence.includes(visitReference(v)))).toHaveLength(1);

    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    expect(await unit.db.supervisionVisit.count()).toBe(0);
    expect((await unit.db.notice.toArray()).map((x) => x.title)).toEqual([n.title]);
    expect((await unit.db.card.toArray()).map((x) => x.trigger)).toEqual(['2026年11月20日调研发现：建立支部工作月报制度']);
  });
});
