import { describe, expect, it } from 'vitest';
import { DutyListSchema } from '../../model/dutyList';
import {
  completenessText,
  DEFAULT_DUTY_POSTS,
  dutyListTodos,
  duplicatePostProblem,
  groupByLevel,
  overallCompleteness,
  postCompleteness,
  seedProblem,
  statusCounts,
} from './dutyLists';

const list = (id: string, items: { status?: 'done' | 'partial' | 'notDone' }[], more: Partial<{ year: number; level: string; post: string; createdAt: string }> = {}) => ({
  id,
  year: 2026,
  level: '党支部',
  post: `岗位${id}`,
  createdAt: `2026-01-0${id.length}T00:00:00.000Z`,
  ...more,
  items: items.map((s, i) => ({ text: `事项${i + 1}`, selfCheck: '', ...s })),
});

describe('三级五岗 default list', () => {
  it('has the three levels and five posts of DOMAIN.md, each with items', () => {
    expect([...new Set(DEFAULT_DUTY_POSTS.map((p) => p.level))]).toEqual(['党组（党委）', '机关党委', '党支部']);
    expect(DEFAULT_DUTY_POSTS.map((p) => p.post)).toEqual(['党组（党委）书记', '党组（党委）其他成员', '机关党委书记', '机关纪委书记', '党支部书记']);
    for (const p of DEFAULT_DUTY_POSTS) expect(p.items.length, p.post).toBeGreaterThan(0);
  });
});

describe('self-check completeness', () => {
  it('counts items with an outcome (落实, 部分落实 and 未落实 alike) out of all items, per post and overall', () => {
    const a = list('a', [{ status: 'done' }, {}, { status: 'notDone' }]);
    const b = list('bb', [{ status: 'partial' }, {}]);
    expect(postCompleteness(a)).toEqual({ checked: 2, total: 3, share: 2 / 3 });
    expect(postCompleteness(b)).toEqual({ checked: 1, total: 2, share: 0.5 });
    expect(overallCompleteness([a, b])).toEqual({ checked: 3, total: 5, share: 0.6 });
    expect(completenessText(overallCompleteness([a, b]))).toBe('已自查 3/5（60%）');
    expect(statusCounts([a, b])).toEqual({ done: 1, partial: 1, notDone: 1, unchecked: 2 });
  });

  it('a post without items has no share, and says so', () => {
    expect(postCompleteness(list('a', []))).toEqual({ checked: 0, total: 0, share: null });
    expect(overallCompleteness([])).toEqual({ checked: 0, total: 0, share: null });
    expect(completenessText(postCompleteness(list('a', [])))).toBe('暂无职责事项');
  });

  it('an item written before record schema 5 (no status) is 未自查 and valid', () => {
    const v4 = { text: '抓党建', selfCheck: '已开展' };
    expect(postCompleteness({ items: [v4] }).checked).toBe(0);
    const r = DutyListSchema.shape.items.safeParse([v4, { ...v4, status: 'partial' }]);
    expect(r.success).toBe(true);
    expect(DutyListSchema.shape.items.safeParse([{ ...v4, status: 'maybe' }]).success).toBe(false);
  });
});

describe('levels, seeding and duplicates', () => {
  it('groups posts by level in the order 党组（党委）→ 机关党委 → 党支部, other levels after', () => {
    const groups = groupByLevel([
      list('a', [], { level: '党支部' }),
      list('bb', [], { level: '其他' }),
      list('ccc', [], { level: '党组（党委）' }),
      list('dddd', [], { level: '党支部' }),
    ]);
    expect(groups.map((g) => [g.level, g.lists.map((l) => l.id)])).toEqual([
      ['党组（党委）', ['ccc']],
      ['党支部', ['a', 'dddd']],
      ['其他', ['bb']],
    ]);
  });

  it('seeding only a year without lists, and no post twice at one level', () => {
    expect(seedProblem(0, 2026)).toBeNull();
    expect(seedProblem(5, 2026)?.message).toContain('2026年已有5个岗位');
    const lists = [list('a', [], { post: '党支部书记' })];
    expect(duplicatePostProblem(lists, { year: 2026, level: '党支部', post: ' 党支部书记 ' })?.field).toBe('post');
    expect(duplicatePostProblem(lists, { id: 'a', year: 2026, level: '党支部', post: '党支部书记' })).toBeNull();
    expect(duplicatePostProblem(lists, { year: 2027, level: '党支部', post: '党支部书记' })).toBeNull();
  });
});

describe('workbench to-dos', () => {
  it('no list this year: one reminder linking to the year', () => {
    const todos = dutyListTodos([list('a', [{}], { year: 2025 })], '2026-03-01');
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({ area: 'duties', title: '2026年三级五岗职责清单尚未建立', link: '/duties?year=2026' });
  });

  it('before the fourth quarter nothing else; from October each post with unchecked items', () => {
    const lists = [list('a', [{ status: 'done' }, {}]), list('bb', [{ status: 'done' }])];
    expect(dutyListTodos(lists, '2026-09-30')).toEqual([]);
    const q4 = dutyListTodos(lists, '2026-10-01');
    expect(q4.map((t) => t.key)).toEqual(['duties:self-check:a']);
    expect(q4[0]).toMatchObject({ title: '岗位a的职责事项尚有1项未自查', due: '2026-12-31' });
  });
});

describe('三级五岗 figures of a year', () => {
  it('counts the year’s live posts, items, holders not named and each self-check outcome', async () => {
    const { dutyListFigures } = await import('./dutyLists');
    const f = dutyListFigures(
      [
        { ...list('a', [{ status: 'done' }, { status: 'partial' }, {}]), holderName: '王强' },
        { ...list('b', [{ status: 'notDone' }]), holderName: ' ' },
        { ...list('c', [{ status: 'done' }], { year: 2025 }), holderName: '李红' },
        { ...list('d', [{ status: 'done' }]), holderName: '赵六', deleted: true },
      ],
      2026,
    );
    expect(f).toMatchObject({ posts: 2, postsWithoutHolder: 1, items: 4, outcomes: { done: 1, partial: 1, notDone: 1, unchecked: 1 } });
    expect(f.completeness).toEqual({ checked: 3, total: 4, share: 0.75 });
    expect(dutyListFigures([], 2026)).toMatchObject({ posts: 0, items: 0, completeness: { share: null } });
  });
});
