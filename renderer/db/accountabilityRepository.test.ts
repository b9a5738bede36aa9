/**
 * 红黄牌 and 通知 end to end through real bundles: the committee issues a card and sends a notice, the
 * return bundle brings them to the unit, the unit reads the notice and answers the card, its next
 * bundle brings both back, and the committee's register shows them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardProgress } from '../../shared/rules/committee/cardProgress';
import { noticeBatches } from '../../shared/rules/committee/noticeReads';
import type { TaizhangDb } from './db';
import { answerCard, closeCard, issueCard, markNoticeRead, recordDutyReview, rectifyReviewProblem, sendNotice, type CardInput } from './accountabilityRepository';
import { cardRegister, dutyReviewRegister, noticeRegister, unitInbox } from './queries/accountability';
import { supervisionRegister } from './queries/supervision';
import { createRecord } from './recordRepository';
import { createSupervisionVisit, deleteSupervisionVisit } from './supervisionRepository';
import { runWrite } from './runWrite';
import { visitRows } from '../features/accountability/supervisionVisitRows';
import { cardTextsFromFollowUp } from '../../shared/rules/committee/supervisionVisits';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const yellow = (unitId: string): CardInput => ({
  unitId,
  subjectKind: 'unit',
  subjectId: unitId,
  colour: 'yellow',
  trigger: '第三季度支部党员大会未按期召开',
  evidence: '季度监控：第一党支部 2026年第三季度无党员大会记录',
  issuedOn: '2026-11-28',
  fixBy: '2026-12-31',
  consequences: ['约谈'],
});

/** A pair whose committee has imported the unit's first bundle (the unit is active). */
async function activePair() {
  const pair = await enrolledPair(now, opened);
  await importInto(pair.committee, (await must(exportUnitBundle(pair.unit, {}))).bytes, { confirm: true });
  return pair;
}

describe('红黄牌 and 通知 between the 工委 and a unit', () => {
  it('travel to the unit, are answered there, and the answers travel back', async () => {
    const { committee, unit, unitId } = await activePair();
    const card = await must(issueCard(committee, yellow(unitId)));
    expect(card).toMatchObject({ issuer: expect.any(String), fixStatus: 'pending', subjectId: unitId });
    const [notice] = await must(sendNotice(committee, { unitIds: [unitId], title: '关于报送2026年度述职材料的通知', body: '请于12月20日前报送。', issuedOn: '2026-11-28', dueOn: '2026-12-20' }));

    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const inbox = await unitInbox(unit.db, unitId);
    expect(inbox.cards.map((c) => c.trigger)).toEqual(['第三季度支部党员大会未按期召开']);
    expect(inbox.notices.map((n) => n.title)).toEqual(['关于报送2026年度述职材料的通知']);
    expect(cardProgress(inbox.cards[0]!, [...inbox.answers], '2026-12-05')).toMatchObject({ stage: 'unanswered', daysLeft: 26 });

    const read = await must(markNoticeRead(unit, notice!.id));
    expect(await must(markNoticeRead(unit, notice!.id))).toEqual(read); // a second click changes nothing
    const answer = await must(answerCard(unit, card.id, { measures: '12月10日前补开党员大会', owner: '张伟', deadline: null, status: 'inProgress', evidence: '', closedOn: null }));
    expect(answer).toMatchObject({ source: 'card', cardId: card.id, problem: card.trigger, deadline: '2026-12-31' });
    // answering again updates the same item
    const again = await must(answerCard(unit, card.id, { measures: '12月8日已补开党员大会', owner: '张伟', deadline: null, status: 'closed', evidence: '会议记录', closedOn: '2026-12-08' }));
    expect(again.id).toBe(answer.id);

    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    const register = await cardRegister(committee.db);
    expect(cardProgress(register.cards[0]!, [...register.answers], '2026-12-09')).toMatchObject({ stage: 'awaitingClose', answerText: '单位整改事项：已销号' });
    const notices = await noticeRegister(committee.db);
    const [batch] = noticeBatches(notices.notices, notices.reads);
    expect(batch).toMatchObject({ readCount: 1, recipients: [{ unitId, readAt: read.readAt }] });

    // the committee closes the card; the unit sees it closed after the next return bundle
    await must(closeCard(committee, card.id, '2026-12-09'));
    expect((await closeCard(committee, card.id, '2026-12-10')).ok).toBe(false);
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    expect((await unitInbox(unit.db, unitId)).cards[0]).toMatchObject({ fixStatus: 'fixed', closedOn: '2026-12-09' });
  });

  it('each side writes only its own part, with a Chinese refusal', async () => {
    const { committee, unit, unitId } = await activePair();
    expect(await issueCard(unit, yellow(unitId))).toMatchObject({ ok: false, error: { kind: 'wrong-mode', message: expect.stringContaining('由机关工委发出') } });
    const card = await must(issueCard(committee, yellow(unitId)));
    expect(await answerCard(committee, card.id, { measures: '', owner: '', deadline: null, status: 'open', evidence: '', closedOn: null })).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });
    // a card the unit has not received yet cannot be answered
    expect(await answerCard(unit, card.id, { measures: '', owner: '', deadline: null, status: 'open', evidence: '', closedOn: null })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('a notice to an unknown unit refuses the whole send; an organisation card names an organisation of that unit', async () => {
    const { committee, unitId, orgId } = await activePair();
    const before = await committee.db.notice.count();
    const r = await sendNotice(committee, { unitIds: [unitId, '0190a0a0-0000-7000-8000-000000000000'], title: '通知', body: '', issuedOn: '2026-11-28', dueOn: null });
    expect(r).toMatchObject({ ok: false, error: { kind: 'unit-not-enrolled' } });
    expect(await committee.db.notice.count()).toBe(before); // nothing half-sent
    expect(await sendNotice(committee, { unitIds: [], title: '通知', body: '', issuedOn: '2026-11-28', dueOn: null })).toMatchObject({ ok: false, error: { kind: 'no-recipients' } });
    expect(await sendNotice(committee, { unitIds: [unitId], title: '通知', body: '', issuedOn: '2026-11-28', dueOn: '2026-11-01' })).toMatchObject({ ok: false, error: { kind: 'invalid-date' } });

    const toOrg = await must(issueCard(committee, { ...yellow(unitId), subjectKind: 'organisation', subjectId: orgId }));
    expect(toOrg).toMatchObject({ subjectKind: 'organisation', subjectId: orgId });
    expect((await cardRegister(committee.db)).organisationNames.get(orgId)).toEqual(expect.any(String));
    expect(await issueCard(committee, { ...yellow(unitId), subjectKind: 'organisation', subjectId: '0190a0a0-0000-7000-8000-000000000001' })).toMatchObject({ ok: false, error: { kind: 'invalid-subject' } });
  });

  it('述职评议: one review per unit and year, corrected in place; the unit takes its problems into its ledger once', async () => {
    const { committee, unit, unitId } = await activePair();
    const input = { unitId, year: 2026, secretaryName: '李明', reportedOn: '2027-01-12', format: 'onSite' as const, rating: 'fairlyGood' as const, comments: '抓基层党建责任落实较好', problems: ['对下属支部督促检查不够', ' ', '对下属支部督促检查不够', '党建与业务融合不深'] };
    const first = await must(recordDutyReview(committee, input));
    expect(first.problems).toEqual(['对下属支部督促检查不够', '党建与业务融合不深']); // blanks and repeats dropped
    const corrected = await must(recordDutyReview(committee, { ...input, rating: 'good' }));
    expect(corrected.id).toBe(first.id);
    expect((await dutyReviewRegister(committee.db, 2026)).reviews.map((r) => r.rating)).toEqual(['good']);
    expect(await recordDutyReview(committee, { ...input, reportedOn: '2025-12-01' })).toMatchObject({ ok: false, error: { kind: 'validation' } });

    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const [review] = (await unitInbox(unit.db, unitId)).reviews;
    expect(review).toMatchObject({ year: 2026, rating: 'good' });
    const item = await must(rectifyReviewProblem(unit, review!.id, '党建与业务融合不深'));
    expect(item).toMatchObject({ source: 'dutyReview', problem: '党建与业务融合不深', status: 'open', cardId: null });
    expect((await must(rectifyReviewProblem(unit, review!.id, '党建与业务融合不深'))).id).toBe(item.id);
    expect(await rectifyReviewProblem(unit, review!.id, '不在评议中的问题')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await recordDutyReview(unit, input)).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });
  });

  it('a card issued on a 联系组 visit: linked by id on the committee, named in words for the unit', async () => {
    const { committee, unit, unitId } = await activePair();
    const visit = await must(createSupervisionVisit(committee, { unitId, kind: 'forum', date: '2026-11-20', visitors: '张伟、李娜', findings: '支部会议记录不全', followUps: ['补齐会议记录'] }));
    // from the visit's follow-up item (the texts already name the visit)
    const fromItem = await must(issueCard(committee, { ...yellow(unitId), ...cardTextsFromFollowUp(visit, '补齐会议记录'), visitId: visit.id }));
    expect(fromItem).toMatchObject({ visitId: visit.id, evidence: cardTextsFromFollowUp(visit, '补齐会议记录').evidence });
    // chosen in the drawer with evidence of its own: the visit is named in the first line
    const chosen = await must(issueCard(committee, { ...yellow(unitId), colour: 'red', visitId: visit.id }));
    expect(chosen.evidence).toBe('工委联系组2026年11月20日座谈（督导检查记录）。\n季度监控：第一党支部 2026年第三季度无党员大会记录');
    // without a visit, nothing changes: no field at all
    const plain = await must(issueCard(committee, yellow(unitId)));
    expect(plain).not.toHaveProperty('visitId');
    expect(plain.evidence).toBe(yellow(unitId).evidence);

    const register = await cardRegister(committee.db);
    expect(register.visits.get(visit.id)).toMatchObject({ date: '2026-11-20', kind: 'forum', deleted: false });
    const [row] = visitRows(await supervisionRegister(committee.db));
    expect(row).toMatchObject({ cardCount: 2, followUps: [{ text: '补齐会议记录', carded: true }] });

    // the return bundle carries the link; the unit reads the visit in the card's 依据 (it holds no visits)
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const inbox = await unitInbox(unit.db, unitId);
    const received = inbox.cards.find((c) => c.id === chosen.id)!;
    expect(received).toMatchObject({ visitId: visit.id, evidence: chosen.evidence });
    expect(inbox.cards.find((c) => c.id === plain.id)).not.toHaveProperty('visitId');
    expect(await unit.db.supervisionVisit.count()).toBe(0);

    // deleted since: the register still knows the card's visit, as deleted
    await must(deleteSupervisionVisit(committee, visit.id));
    expect((await cardRegister(committee.db)).visits.get(visit.id)).toMatchObject({ deleted: true });
  });

  it('a card is issued only on a live visit to its own unit', async () => {
    const { committee, unitId } = await activePair();
    const otherUnitId = '0190a0a0-0000-7000-8000-0000000000b2';
    await must(runWrite(committee.db, [committee.db.enrolledUnit, committee.db.changes, committee.db.audit, committee.db.device], () =>
      createRecord(committee, 'enrolledUnit', { unitId: otherUnitId, name: '市审计局', creditCode: null, publicKey: null, status: 'invited', revokedAt: null }),
    ));
    const elsewhere = await must(createSupervisionVisit(committee, { unitId: otherUnitId, kind: 'survey', date: '2026-11-20', visitors: '张伟', findings: '未发现明显问题', followUps: [] }));
    const gone = await must(createSupervisionVisit(committee, { unitId, kind: 'survey', date: '2026-11-21', visitors: '张伟', findings: '未发现明显问题', followUps: [] }));
    await must(deleteSupervisionVisit(committee, gone.id));
    const before = await committee.db.card.count();
    for (const visitId of [elsewhere.id, gone.id, '0190a0a0-0000-7000-8000-0000000000b3']) {
      expect(await issueCard(committee, { ...yellow(unitId), visitId })).toMatchObject({
        ok: false,
        error: { kind: 'invalid-visit', message: expect.stringContaining('请重新选择依据的督导检查'), path: ['visitId'] },
      });
    }
    // a card dated before the visit cannot rest on it
    const later = await must(createSupervisionVisit(committee, { unitId, kind: 'spotCheck', date: '2026-11-27', visitors: '张伟', findings: '记录不全', followUps: [] }));
    expect(await issueCard(committee, { ...yellow(unitId), issuedOn: '2026-11-26', visitId: later.id })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-visit', message: '所选督导检查在2026年11月27日，晚于亮牌日期，不能作为亮牌依据。请核对亮牌日期或重新选择督导检查。' },
    });
    expect(await committee.db.card.count()).toBe(before);
    expect(await must(issueCard(committee, { ...yellow(unitId), issuedOn: '2026-11-27', visitId: later.id }))).toMatchObject({ visitId: later.id });
  });
});
