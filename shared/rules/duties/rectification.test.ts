import { describe, expect, it } from 'vitest';
import {
  closeProblem,
  deleteProblem,
  editProblem,
  newItemProblem,
  progressNoteProblem,
  rectificationCounts,
  rectificationDue,
  rectificationProgress,
  rectificationTodos,
  reopenProblem,
  UNIT_RECTIFICATION_SOURCES,
  withProgressNote,
  type RectificationTodoFact,
} from './rectification';

const asOf = '2026-12-05';

function item(id: string, over: Partial<RectificationTodoFact> = {}): RectificationTodoFact {
  return { id, status: 'open', deadline: null, closedOn: null, problem: `问题${id}`, owner: '张伟', ...over };
}

describe('rectificationDue', () => {
  it('is overdue only after the deadline day, due soon within 14 days, closed whatever the deadline', () => {
    expect(rectificationDue(item('a', { deadline: '2026-12-04' }), asOf)).toEqual({ state: 'overdue', daysLeft: -1, text: '已超过整改时限 1 天' });
    expect(rectificationDue(item('a', { deadline: asOf }), asOf)).toMatchObject({ state: 'dueSoon', daysLeft: 0, text: '今天到期' });
    expect(rectificationDue(item('a', { deadline: '2026-12-19' }), asOf)).toMatchObject({ state: 'dueSoon', daysLeft: 14 });
    expect(rectificationDue(item('a', { deadline: '2026-12-20' }), asOf)).toMatchObject({ state: 'onTrack', daysLeft: 15 });
    expect(rectificationDue(item('a'), asOf)).toMatchObject({ state: 'noDeadline', text: '未设整改时限' });
    expect(rectificationDue(item('a', { status: 'closed', deadline: '2026-11-01', closedOn: '2026-11-04' }), asOf)).toEqual({
      state: 'closed',
      daysLeft: null,
      text: '已于2026年11月4日销号（超过整改时限 3 天）',
    });
  });

  it('agrees with the annual progress on what is overdue', () => {
    const items = [item('a', { deadline: '2026-12-04' }), item('b', { deadline: asOf, status: 'inProgress' }), item('c', { deadline: '2026-01-01', status: 'closed', closedOn: '2026-02-01' })];
    const progress = rectificationProgress(items, 2026, asOf);
    expect(progress.overdueIds).toEqual(items.filter((r) => rectificationDue(r, asOf).state === 'overdue').map((r) => r.id));
    expect(rectificationCounts(items, asOf)).toEqual({ total: 3, open: 1, inProgress: 1, closed: 1, overdue: 1, dueSoon: 1 });
  });
});

describe('rectificationTodos', () => {
  it('lists overdue items as urgent and soon-due ones as reminders, nothing else', () => {
    const todos = rectificationTodos(
      [
        item('late', { deadline: '2026-11-30', problem: '第一党支部组织生活会未按要求开展批评和自我批评，会议记录过于简单' }),
        item('soon', { deadline: '2026-12-10', status: 'inProgress', owner: '' }),
        item('later', { deadline: '2027-03-01' }),
        item('none'),
        item('done', { deadline: '2026-11-30', status: 'closed', closedOn: '2026-12-01' }),
        item('gone', { deadline: '2026-11-30', deleted: true }),
      ],
      asOf,
    );
    expect(todos.map((t) => [t.key, t.severity, t.area, t.due])).toEqual([
      ['rectification:late', 'high', 'rectification', '2026-11-30'],
      ['rectification:soon', 'medium', 'rectification', '2026-12-10'],
    ]);
    expect(todos[0]!.title).toBe('整改事项逾期未销号：第一党支部组织生活会未按要求开展批评和自我批评，会议记录过于…');
    expect(todos[0]!.detail).toBe('整改时限为2026年11月30日，已超过整改时限 5 天。请督促责任人张伟抓紧整改；整改完成后在“整改落实”中销号。');
    expect(todos[1]!.detail).toContain('请明确责任人');
  });
});

describe('what the unit may do with an item', () => {
  it('enters items of its own sources only, never closed at once', () => {
    expect(UNIT_RECTIFICATION_SOURCES).toEqual(['inspection', 'circuitInspection', 'supervision', 'assessment']);
    expect(newItemProblem({ source: 'supervision', status: 'open' })).toBeNull();
    expect(newItemProblem({ source: 'card', status: 'open' })).toMatchObject({ field: 'source', message: expect.stringContaining('工委的回执') });
    expect(newItemProblem({ source: 'inspection', status: 'closed' })).toMatchObject({ field: 'status' });
  });

  it("keeps a committee item's source and problem, and never turns an item into one", () => {
    const card = { source: 'card', problem: '第三季度未召开党员大会', status: 'open' } as const;
    expect(editProblem(card, { ...card, source: 'inspection' })).toMatchObject({ field: 'source', message: '该整改事项来自工委的红黄牌，问题来源不能修改。' });
    expect(editProblem(card, { ...card, problem: '别的问题' })).toMatchObject({ field: 'problem' });
    expect(editProblem(card, { ...card, problem: ' 第三季度未召开党员大会 ', status: 'inProgress' })).toBeNull();
    const own = { source: 'supervision', problem: '台账不全', status: 'open' } as const;
    expect(editProblem(own, { ...own, source: 'dutyReview' })).toMatchObject({ field: 'source' });
    expect(editProblem(own, { ...own, source: 'assessment', problem: '台账资料不全' })).toBeNull();
    expect(editProblem(own, { ...own, status: 'closed' })).toMatchObject({ field: 'status', message: expect.stringContaining('销号') });
    expect(editProblem({ ...own, status: 'closed' }, own)).toMatchObject({ field: 'status', message: expect.stringContaining('重新打开') });
  });

  it('closes once, not in the future, not without evidence; reopens only what is closed', () => {
    const open = { status: 'open', closedOn: null } as const;
    expect(closeProblem(open, asOf, '整改报告', asOf)).toBeNull();
    expect(closeProblem(open, '2026-12-06', '整改报告', asOf)).toMatchObject({ field: 'closedOn', message: '销号日期不能晚于今天，请核对。' });
    expect(closeProblem(open, asOf, '  ', asOf)).toMatchObject({ field: 'evidence' });
    expect(closeProblem({ status: 'closed', closedOn: '2026-12-01' }, asOf, '报告', asOf)).toMatchObject({ message: '该整改事项已于2026年12月1日销号，无需再次销号。' });
    expect(reopenProblem({ status: 'closed' })).toBeNull();
    expect(reopenProblem({ status: 'inProgress' })).toMatchObject({ message: expect.stringContaining('尚未销号') });
  });

  it('deletes only its own items', () => {
    expect(deleteProblem({ source: 'inspection' })).toBeNull();
    expect(deleteProblem({ source: 'dutyReview' })).toMatchObject({ message: '该整改事项来自工委的述职评议，不能删除；整改完成后请销号。' });
  });

  it('appends dated progress notes to the measures', () => {
    expect(progressNoteProblem({ status: 'open' }, asOf, '已起草制度', asOf)).toBeNull();
    expect(progressNoteProblem({ status: 'open' }, asOf, ' ', asOf)).toMatchObject({ field: 'note' });
    expect(progressNoteProblem({ status: 'open' }, '2027-01-01', '已起草', asOf)).toMatchObject({ field: 'noteDate' });
    expect(progressNoteProblem({ status: 'closed' }, asOf, '已起草', asOf)).toMatchObject({ message: expect.stringContaining('重新打开') });
    expect(withProgressNote('', '2026-12-01', ' 已起草制度 ')).toBe('2026年12月1日进展：已起草制度');
    expect(withProgressNote('修订会议制度\n', '2026-12-05', '已印发')).toBe('修订会议制度\n2026年12月5日进展：已印发');
  });
});
