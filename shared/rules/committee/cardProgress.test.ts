import { describe, expect, it } from 'vitest';
import type { Card } from '../../model/committee';
import type { Rectification } from '../../model/rectification';
import { cardAnswer, cardProgress } from './cardProgress';
import { noticeBatches } from './noticeReads';

const card = (over: Partial<Card> = {}): Card => ({
  id: 'card-1',
  unitId: 'unit-1',
  rev: 'r1',
  deleted: false,
  updatedBy: '工委',
  createdAt: '2026-10-01T00:00:00.000Z',
  subjectKind: 'unit',
  subjectId: 'unit-1',
  trigger: '连续两个季度未召开支部党员大会',
  colour: 'yellow',
  issuer: '市委直属机关工委',
  issuedOn: '2026-10-01',
  fixBy: '2026-12-31',
  fixStatus: 'pending',
  closedOn: null,
  consequences: [],
  evidence: '',
  ...over,
});

const item = (over: Partial<Rectification> = {}): Rectification => ({
  id: 'rect-1',
  unitId: 'unit-1',
  rev: 'r1',
  deleted: false,
  updatedBy: '单位',
  createdAt: '2026-10-05T00:00:00.000Z',
  source: 'card',
  problem: '连续两个季度未召开支部党员大会',
  measures: '',
  owner: '',
  deadline: null,
  status: 'open',
  evidence: '',
  closedOn: null,
  cardId: 'card-1',
  ...over,
});

describe('cardProgress', () => {
  it('counts the days left to the fix-by date, the day itself being 0, then the days overdue', () => {
    expect(cardProgress(card(), [], '2026-12-19')).toMatchObject({ stage: 'unanswered', daysLeft: 12, overdue: false, deadlineText: '剩余 12 天（2026年12月31日前整改）' });
    expect(cardProgress(card(), [], '2026-12-31')).toMatchObject({ daysLeft: 0, overdue: false });
    expect(cardProgress(card(), [], '2027-01-03')).toMatchObject({ daysLeft: -3, overdue: true, deadlineText: '已逾期 3 天（整改期限2026年12月31日）' });
  });

  it('follows the unit’s answer: none, in progress, done at the unit (the committee still has to close the card)', () => {
    expect(cardProgress(card(), [], '2026-11-01').answerText).toBe('单位尚未建立整改事项');
    expect(cardProgress(card(), [item({ status: 'inProgress' })], '2026-11-01')).toMatchObject({ stage: 'inProgress', answerText: '单位整改事项：整改中' });
    expect(cardProgress(card(), [item({ status: 'closed', closedOn: '2026-11-20' })], '2026-11-21').stage).toBe('awaitingClose');
    // another card's item, or a deleted one, is no answer
    expect(cardProgress(card(), [item({ cardId: 'card-2' }), item({ id: 'x', deleted: true })], '2026-11-01').stage).toBe('unanswered');
  });

  it('a closed card says when it was closed and counts no days', () => {
    const p = cardProgress(card({ fixStatus: 'fixed', closedOn: '2026-11-25' }), [item({ status: 'closed', closedOn: '2026-11-20' })], '2027-03-01');
    expect(p).toMatchObject({ stage: 'closed', daysLeft: null, overdue: false, deadlineText: '已于2026年11月25日销牌' });
  });

  it('takes the newest revision when the unit answered twice', () => {
    const older = item({ id: 'a', rev: 'r1', status: 'open' });
    const newer = item({ id: 'b', rev: 'r2', status: 'inProgress' });
    expect(cardAnswer(card(), [newer, older])?.id).toBe('b');
    expect(cardAnswer(card(), [older, newer])?.id).toBe('b');
  });
});

describe('noticeBatches', () => {
  const notice = (id: string, unitId: string, batchId: string, issuedOn = '2026-11-20') => ({
    id,
    unitId,
    batchId,
    title: batchId === 'b1' ? '关于报送年度述职材料的通知' : '关于开展主题党日的通知',
    issuedOn,
    dueOn: null,
    deleted: false,
  });

  it('groups a batch sent to several units and counts who has read it, newest batch first', () => {
    const notices = [notice('n1', 'u1', 'b1'), notice('n2', 'u2', 'b1'), notice('n3', 'u3', 'b1'), notice('n4', 'u1', 'b2', '2026-12-01')];
    const reads = [
      { noticeId: 'n2', readAt: '2026-11-22T02:00:00.000Z', deleted: false },
      { noticeId: 'n3', readAt: '2026-11-23T02:00:00.000Z', deleted: true }, // withdrawn mark
    ];
    const batches = noticeBatches(notices, reads, ['u3', 'u2', 'u1']);
    expect(batches.map((b) => b.batchId)).toEqual(['b2', 'b1']);
    const b1 = batches[1]!;
    expect(b1.recipients.map((r) => r.unitId)).toEqual(['u3', 'u2', 'u1']);
    expect(b1.readCount).toBe(1);
    expect(b1.recipients.find((r) => r.unitId === 'u2')?.readAt).toBe('2026-11-22T02:00:00.000Z');
  });

  it('leaves out deleted notices', () => {
    expect(noticeBatches([{ ...notice('n1', 'u1', 'b1'), deleted: true }], [])).toEqual([]);
  });
});
