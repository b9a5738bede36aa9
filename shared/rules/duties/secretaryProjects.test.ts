import { describe, expect, it } from 'vitest';
import { milestoneDue, secretaryProjectProgress, secretaryProjectTodos, type SecretaryProjectFact } from './secretaryProjects';

const project = (over: Partial<SecretaryProjectFact> = {}): SecretaryProjectFact => ({
  id: 'p1',
  year: 2026,
  title: '“党建+营商环境”提质增效',
  secretaryName: '王建国',
  milestones: [
    { title: '制定实施方案', due: '2026-03-31', done: true },
    { title: '开展专题调研', due: '2026-11-30', done: false },
    { title: '中期推进会', due: '2026-12-05', done: false },
    { title: '形成年度总结', due: '2026-12-19', done: false },
    { title: '经验推广', due: '2026-12-20', done: false },
    { title: '建立长效机制', due: null, done: false },
  ],
  ...over,
});

describe('milestoneDue', () => {
  it('is overdue only after the due day, due soon within 14 days, done whatever the date', () => {
    expect(milestoneDue({ due: '2026-12-04', done: false }, '2026-12-05')).toEqual({ state: 'overdue', daysLeft: -1, text: '已逾期 1 天' });
    expect(milestoneDue({ due: '2026-12-05', done: false }, '2026-12-05')).toMatchObject({ state: 'dueSoon', text: '今天到期' });
    expect(milestoneDue({ due: '2026-12-19', done: false }, '2026-12-05')).toMatchObject({ state: 'dueSoon', daysLeft: 14 });
    expect(milestoneDue({ due: '2026-12-20', done: false }, '2026-12-05')).toMatchObject({ state: 'onTrack', daysLeft: 15 });
    expect(milestoneDue({ due: '2026-01-01', done: true }, '2026-12-05').state).toBe('done');
    expect(milestoneDue({ due: null, done: false }, '2026-12-05').state).toBe('noDue');
  });

  it('agrees with secretaryProjectProgress on what is overdue', () => {
    const p = secretaryProjectProgress([project()], 2026, '2026-12-05');
    expect(p).toMatchObject({ milestones: 6, done: 1, overdue: 1 });
    expect(project().milestones.filter((m) => milestoneDue(m, '2026-12-05').state === 'overdue')).toHaveLength(p.overdue);
  });
});

describe('secretaryProjectTodos', () => {
  it('asks for a project of the current year when there is none (a deleted one does not count)', () => {
    const todos = secretaryProjectTodos([project({ year: 2025, milestones: [] }), project({ id: 'p2', deleted: true, milestones: [] })], '2026-12-05');
    expect(todos).toEqual([expect.objectContaining({ area: 'projects', severity: 'medium', title: '尚未登记2026年书记项目' })]);
  });

  it('lists overdue milestones as urgent and those due within 14 days as reminders, with the project named', () => {
    const todos = secretaryProjectTodos([project()], '2026-12-05');
    expect(todos.map((t) => [t.severity, t.title, t.due])).toEqual([
      ['high', '书记项目节点逾期：开展专题调研', '2026-11-30'],
      ['medium', '书记项目节点即将到期：中期推进会', '2026-12-05'],
      ['medium', '书记项目节点即将到期：形成年度总结', '2026-12-19'],
    ]);
    expect(todos[0]!.detail).toBe('““党建+营商环境”提质增效”的节点计划于2026年11月30日完成，已逾期 5 天。完成后请在“书记项目”中标记为已完成。');
    expect(todos[0]!.link).toBe('/projects?year=2026');
    expect(new Set(todos.map((t) => t.key)).size).toBe(todos.length);
  });

  it('still lists an overdue milestone of last year, and nothing once it is done', () => {
    const last = project({ year: 2025, milestones: [{ title: '年度总结', due: '2025-12-31', done: false }] });
    expect(secretaryProjectTodos([last, project({ id: 'p2', milestones: [] })], '2026-12-05').map((t) => t.title)).toEqual(['书记项目节点逾期：年度总结']);
    const done = { ...last, milestones: [{ ...last.milestones[0]!, done: true }] };
    expect(secretaryProjectTodos([done, project({ id: 'p2', milestones: [] })], '2026-12-05')).toEqual([]);
  });
});
