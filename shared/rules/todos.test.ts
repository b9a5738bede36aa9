import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 } from './profile';
import { cadreRatioTodos, conversionTodos, sortTodos, splitAtLedgerStart, termTodos, todosByArea, type ProbationaryMember, type TodoItem } from './todos';

const ASOF = '2026-11-28';

const prob = (joinedOn: string, extra: Partial<ProbationaryMember> = {}): ProbationaryMember => ({
  id: `m-${joinedOn}`,
  name: '王芳',
  joinedOn,
  membership: 'probationary',
  status: 'active',
  statusChangedOn: null,
  postings: [{ organisationId: 'b1', from: joinedOn, to: null }],
  ...extra,
});

describe('to-do sources', () => {
  it.each([
    ['2025-12-29', null], // 31 days left: not yet
    ['2025-12-28', '预备党员王芳：预备期即将届满'], // exactly 30 days left
    ['2025-11-28', '预备党员王芳：预备期即将届满'], // ends today
    ['2025-11-27', '预备党员王芳：预备期已满，尚未转正'],
  ])('a probationary member who joined %s → %s', (joinedOn, title) => {
    const items = conversionTodos([prob(joinedOn)], ASOF);
    expect(items[0]?.title ?? null).toBe(title);
  });

  it('does not remind about full members, or members who left', () => {
    expect(conversionTodos([prob('2025-11-01', { membership: 'full' })], ASOF)).toEqual([]);
    expect(conversionTodos([prob('2025-11-01', { status: 'transferredOut', statusChangedOn: '2026-01-01', postings: [{ organisationId: 'b1', from: '2025-11-01', to: '2026-01-01' }] })], ASOF)).toEqual([]);
  });

  it('lists yellow and red terms, not green ones, red first', () => {
    const org = (id: string, termStart: string | null) => ({ id, name: id, kind: 'branch' as const, dissolvedOn: null, termStart, termYears: 3, termEnd: null, extension: null });
    const items = sortTodos(termTodos([org('绿支部', '2025-01-01'), org('黄支部', '2024-02-01'), org('红支部', '2023-01-01'), org('无任期支部', null)], [], ASOF, NATIONAL_PROFILE_V1));
    expect(items.map((i) => [i.severity, i.title])).toEqual([
      ['high', '红支部：换届已逾期'],
      ['high', '无任期支部：未录入任期信息'],
      ['medium', '黄支部：即将到期换届'],
    ]);
  });

  it('flags the cadre ratio only below 1%', () => {
    const cadres = (n: number) => Array.from({ length: n }, () => ({ status: 'active' as const, cadre: 'fullTime' as const }));
    expect(cadreRatioTodos({ staffCount: 300, members: cadres(2) }, NATIONAL_PROFILE_V1)[0]?.title).toBe('专职党务干部配备不足');
    expect(cadreRatioTodos({ staffCount: 300, members: cadres(3) }, NATIONAL_PROFILE_V1)).toEqual([]);
  });
});

describe('todosByArea', () => {
  const todo = (key: string, area: TodoItem['area'], severity: TodoItem['severity']): TodoItem => ({ key, area, severity, title: key, detail: '', due: null });

  it('groups in the sidebar’s order, leaves out areas with nothing to do, and keeps each group’s order', () => {
    const sorted = sortTodos([todo('f1', 'funds', 'medium'), todo('m1', 'meetings', 'low'), todo('f2', 'funds', 'high'), todo('o1', 'organisations', 'high')]);
    const groups = todosByArea(sorted, ['organisations', 'members', 'meetings', 'training', 'funds']);
    expect(groups.map((g) => [g.area, g.items.map((t) => t.key)])).toEqual([
      ['organisations', ['o1']],
      ['meetings', ['m1']],
      ['funds', ['f2', 'f1']],
    ]);
    expect(groups.flatMap((g) => g.items)).toHaveLength(sorted.length);
  });
});

describe('splitAtLedgerStart (台账起始日期)', () => {
  const todo = (key: string, due: string | null, periodEnd?: string): TodoItem => ({
    key, area: 'meetings', severity: 'high', title: key, detail: '', due, ...(periodEnd === undefined ? {} : { periodEnd }),
  });
  const november = todo('11月主题党日', '2026-11-30', '2026-11-30');
  const q3 = todo('第三季度党课', '2026-09-30', '2026-09-30');
  const december = todo('12月主题党日', '2026-12-31', '2026-12-31');
  const term = todo('换届已逾期', '2023-06-30'); // a standing obligation: no period
  const ratio = todo('专职党务干部配备不足', null);

  it('leaves off the to-dos of periods that ended before the start, and keeps every other', () => {
    const { shown, before } = splitAtLedgerStart([november, q3, december, term, ratio], '2026-12-01');
    expect(before.map((t) => t.key)).toEqual(['11月主题党日', '第三季度党课']);
    expect(shown.map((t) => t.key)).toEqual(['12月主题党日', '换届已逾期', '专职党务干部配备不足']);
  });

  it('keeps a period that ends on the start day or after it', () => {
    expect(splitAtLedgerStart([november], '2026-11-30').before).toEqual([]);
    expect(splitAtLedgerStart([november], '2026-12-01').before).toEqual([november]);
  });

  it('leaves everything on the list when no start is set', () => {
    expect(splitAtLedgerStart([november, term], null)).toEqual({ shown: [november, term], before: [] });
  });
});
