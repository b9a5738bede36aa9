/**
 * 整改落实 through the repository: the unit enters, edits, notes progress, closes (销号) and reopens
 * its items; the refusals say in Chinese why; items from a 红黄牌 or a 述职评议 keep their source and
 * cannot be deleted; writes and reads stay within the unit; the committee only reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids/uuidv7';
import type { TaizhangDb } from './db';
import { answerCard, issueCard, recordDutyReview, rectifyReviewProblem } from './accountabilityRepository';
import { reviewOf, unitRectificationLedger } from './queries/rectification';
import { createRecord } from './recordRepository';
import {
  addProgressNote,
  closeRectification,
  createRectification,
  deleteRectification,
  reopenRectification,
  updateRectification,
  type RectificationInput,
} from './rectificationRepository';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

// the fake clock starts on 2026-11-28 (08:00 UTC, the same day in China)
const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const inspection: RectificationInput = {
  source: 'inspection',
  problem: '理论学习中心组学习流于形式，研讨不深入',
  measures: '制定中心组学习计划，每次确定研讨主题',
  owner: '李明',
  deadline: '2026-12-31',
  status: 'open',
  evidence: '',
};

async function unitSide() {
  return enrolledPair(now, opened);
}

describe('the unit’s rectification ledger', () => {
  it('enters, edits, notes progress, closes and reopens an item; the audit trail has each step', async () => {
    const { unit, unitId } = await unitSide();
    const item = await must(createRectification(unit, inspection));
    expect(item).toMatchObject({ unitId, source: 'inspection', status: 'open', closedOn: null, cardId: null });

    const edited = await must(updateRectification(unit, item.id, { ...inspection, source: 'circuitInspection', owner: '王芳', deadline: '2026-12-20' }));
    expect(edited).toMatchObject({ source: 'circuitInspection', owner: '王芳', deadline: '2026-12-20', status: 'open' });

    const noted = await must(addProgressNote(unit, item.id, '2026-11-28', '已印发中心组学习计划'));
    expect(noted.measures).toBe('制定中心组学习计划，每次确定研讨主题\n2026年11月28日进展：已印发中心组学习计划');
    expect(noted.status).toBe('inProgress'); // progress means the work has started

    const closed = await must(closeRectification(unit, item.id, '2026-11-28', '中心组学习计划及两次研讨记录'));
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-28', evidence: '中心组学习计划及两次研讨记录' });
    // an edit of a closed item keeps it closed
    const { status: _status, ...fields } = inspection;
    expect(await must(updateRectification(unit, item.id, { ...fields, source: 'circuitInspection', owner: '王芳（已调任）', deadline: '2026-12-20', evidence: closed.evidence }))).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-28',
    });

    const reopened = await must(reopenRectification(unit, item.id));
    expect(reopened).toMatchObject({ status: 'inProgress', closedOn: null, evidence: '中心组学习计划及两次研讨记录' });

    const trail = (await unit.db.audit.toArray()).filter((a) => a.id === item.id).map((a) => a.action);
    expect(trail).toEqual(['create', 'update', 'update', 'update', 'update', 'update']);
    const ledger = await unitRectificationLedger(unit.db, unitId);
    expect(ledger.items.map((r) => r.id)).toEqual([item.id]);
  });

  it('refuses what is invalid, in Chinese, and writes nothing', async () => {
    const { unit, unitId } = await unitSide();
    expect(await createRectification(unit, { ...inspection, problem: '  ' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', path: ['problem'], message: expect.stringContaining('不能为空') },
    });
    expect(await createRectification(unit, { ...inspection, deadline: '2026-02-30' })).toMatchObject({ ok: false, error: { kind: 'validation', path: ['deadline'] } });
    expect(await createRectification(unit, { ...inspection, source: 'card' })).toMatchObject({ ok: false, error: { kind: 'refused', path: ['source'], message: expect.stringContaining('工委的回执') } });
    expect(await createRectification(unit, { ...inspection, status: 'closed' as 'open' })).toMatchObject({ ok: false, error: { kind: 'refused', path: ['status'] } });
    expect((await unitRectificationLedger(unit.db, unitId)).items).toEqual([]);

    const item = await must(createRectification(unit, inspection));
    expect(await closeRectification(unit, item.id, '2026-11-29', '整改报告')).toMatchObject({ ok: false, error: { path: ['closedOn'], message: '销号日期不能晚于今天，请核对。' } });
    expect(await closeRectification(unit, item.id, '2026-11-27', ' ')).toMatchObject({ ok: false, error: { path: ['evidence'] } });
    expect(await addProgressNote(unit, item.id, '2026-11-28', '')).toMatchObject({ ok: false, error: { path: ['note'] } });
    expect(await reopenRectification(unit, item.id)).toMatchObject({ ok: false, error: { message: '该整改事项尚未销号，无需重新打开。' } });
    expect(await updateRectification(unit, item.id, { ...inspection, source: 'dutyReview' })).toMatchObject({ ok: false, error: { path: ['source'] } });
    await must(closeRectification(unit, item.id, '2026-11-27', '整改报告'));
    expect(await closeRectification(unit, item.id, '2026-11-28', '整改报告')).toMatchObject({ ok: false, error: { message: expect.stringContaining('无需再次销号') } });
    expect(await updateRectification(unit, item.id, { ...inspection, status: 'open' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('重新打开') } });
    expect(await addProgressNote(unit, item.id, '2026-11-28', '又做了一些')).toMatchObject({ ok: false, error: { message: expect.stringContaining('重新打开') } });
    const stored = await unit.db.rectification.get(item.id);
    expect(stored).toMatchObject({ status: 'closed', closedOn: '2026-11-27', measures: inspection.measures });
  });

  it('keeps the source and problem of items from a 红黄牌 or a 述职评议, and never deletes them', async () => {
    const { committee, unit, unitId } = await unitSide();
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    const card = await must(
      issueCard(committee, { unitId, subjectKind: 'unit', subjectId: unitId, colour: 'yellow', trigger: '第三季度支部党员大会未按期召开', evidence: '', issuedOn: '2026-11-28', fixBy: '2026-12-31', consequences: [] }),
    );
    const review = await must(
      recordDutyReview(committee, { unitId, year: 2026, secretaryName: '赵书记', reportedOn: null, format: 'written', rating: 'average', comments: '', problems: ['党建与业务融合不够'] }),
    );
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const answer = await must(answerCard(unit, card.id, { measures: '补开党员大会', owner: '张伟', deadline: null, status: 'inProgress', evidence: '', closedOn: null }));
    const fromReview = await must(rectifyReviewProblem(unit, review.id, '党建与业务融合不够'));

    const ledger = await unitRectificationLedger(unit.db, unitId);
    expect(ledger.cards.get(answer.cardId ?? '')?.colour).toBe('yellow');
    expect(reviewOf(ledger, fromReview)?.year).toBe(2026);

    const cardEdit = { source: answer.source, problem: answer.problem, measures: answer.measures, owner: answer.owner, deadline: answer.deadline, evidence: answer.evidence };
    expect(await updateRectification(unit, answer.id, { ...cardEdit, source: 'inspection' })).toMatchObject({
      ok: false,
      error: { kind: 'refused', path: ['source'], message: '该整改事项来自工委的红黄牌，问题来源不能修改。' },
    });
    expect(await updateRectification(unit, answer.id, { ...cardEdit, problem: '改写的问题' })).toMatchObject({ ok: false, error: { path: ['problem'] } });
    // the rest is the unit's to edit, and the link stays
    expect(await must(updateRectification(unit, answer.id, { ...cardEdit, owner: '李明', deadline: '2026-12-15' }))).toMatchObject({ cardId: card.id, source: 'card', owner: '李明' });
    expect(await deleteRectification(unit, answer.id)).toMatchObject({ ok: false, error: { message: '该整改事项来自工委的红黄牌，不能删除；整改完成后请销号。' } });
    expect(await deleteRectification(unit, fromReview.id)).toMatchObject({ ok: false, error: { message: expect.stringContaining('述职评议') } });

    // closing the card's item travels back to the committee with the next bundle
    await must(closeRectification(unit, answer.id, '2026-11-28', '党员大会会议记录'));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    expect(await committee.db.rectification.get(answer.id)).toMatchObject({ status: 'closed', closedOn: '2026-11-28', owner: '李明' });
  });

  it('deletes an item the unit entered, after which it is gone from the ledger', async () => {
    const { unit, unitId } = await unitSide();
    const item = await must(createRectification(unit, inspection));
    await must(deleteRectification(unit, item.id));
    expect((await unitRectificationLedger(unit.db, unitId)).items).toEqual([]);
    expect(await deleteRectification(unit, item.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('stays within the unit: another unit’s item is neither read nor written; the committee only reads', async () => {
    const { committee, unit, unitId } = await unitSide();
    const mine = await must(createRectification(unit, inspection));
    const other = await must(createRecord(unit, 'rectification', { ...inspection, unitId: newId(), closedOn: null, cardId: null }));
    expect((await unitRectificationLedger(unit.db, unitId)).items.map((r) => r.id)).toEqual([mine.id]);
    expect(await updateRectification(unit, other.id, { ...inspection, owner: '某人' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await closeRectification(unit, other.id, '2026-11-28', '报告')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await deleteRectification(unit, other.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });

    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    expect((await unitRectificationLedger(committee.db, unitId)).items.map((r) => r.id)).toContain(mine.id);
    expect(await createRectification(committee, inspection)).toMatchObject({ ok: false, error: { kind: 'wrong-mode', message: expect.stringContaining('工委端只能查看') } });
    expect(await closeRectification(committee, mine.id, '2026-11-28', '报告')).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });
  });
});
