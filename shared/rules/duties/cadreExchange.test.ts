import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CadreExchangeSchema } from '../../model/cadreExchange';
import { recordArbitrary } from '../../model/testing/arbitraries';
import { cadreExchangeFigures, cadreExchangeProblem, cadreExchangeTodos, lacksVetting, type CadreExchangeFact } from './cadreExchange';

const posting = (id: string, date: string, direction: CadreExchangeFact['direction'], vettedOn: string | null, more: Partial<CadreExchangeFact> = {}): CadreExchangeFact => ({
  id,
  date,
  personName: `干部${id}`,
  direction,
  toPost: direction === 'toPartyAffairs' ? '机关党委专职副书记' : '办公室副主任',
  vettedOn,
  ...more,
});

describe('党务干部双向交流 figures of a year', () => {
  const records = [
    posting('a', '2026-03-01', 'toPartyAffairs', '2026-02-10'),
    posting('b', '2026-05-01', 'toPartyAffairs', null),
    posting('c', '2026-06-01', 'toLine', null),
    posting('d', '2025-12-31', 'toPartyAffairs', null), // last year
    posting('e', '2026-07-01', 'toPartyAffairs', null, { deleted: true }),
    posting('f', '2026-11-01', 'toLine', null),
  ];

  it('counts the year’s live postings per direction and those into party-affairs posts without 任前考察', () => {
    const f = cadreExchangeFigures(records, 2026);
    expect(f).toMatchObject({ total: 4, toPartyAffairs: 2, toLine: 2, vetted: 1 });
    expect(f.unvetted.map((r) => r.id)).toEqual(['b']);
  });

  it('counts nothing after 截至', () => {
    expect(cadreExchangeFigures(records, 2026, '2026-06-30')).toMatchObject({ total: 3, toLine: 1 });
  });

  it('a posting out of a party-affairs post needs no 任前考察', () => {
    expect(lacksVetting({ direction: 'toLine', vettedOn: null })).toBe(false);
    expect(lacksVetting({ direction: 'toPartyAffairs', vettedOn: null })).toBe(true);
    expect(lacksVetting({ direction: 'toPartyAffairs', vettedOn: '2026-01-01' })).toBe(false);
  });
});

describe('党务干部双向交流 writes', () => {
  const today = '2026-06-15';
  const input = { date: '2026-06-01', personName: '王芳', direction: 'toPartyAffairs' as const, vettedOn: '2026-05-20' };

  it('takes a posting with its 任前考察 before it, and one into a party-affairs post without one (flagged, not refused)', () => {
    expect(cadreExchangeProblem(input, today)).toBeNull();
    expect(cadreExchangeProblem({ ...input, vettedOn: null }, today)).toBeNull();
  });

  it('refuses a 任前考察 after the posting, a date after today and a missing name, in words', () => {
    expect(cadreExchangeProblem({ ...input, vettedOn: '2026-06-02' }, today)).toEqual({
      field: 'vettedOn',
      message: '任前考察应在任职之前进行：任前考察日期（2026-06-02）不能晚于交流日期（2026-06-01），请核对',
    });
    expect(cadreExchangeProblem({ ...input, date: '2026-06-16' }, today)?.message).toBe('交流日期不能晚于今天（2026-06-15），请登记已经发生的事项');
    expect(cadreExchangeProblem({ ...input, personName: ' ' }, today)?.field).toBe('personName');
  });

  it('the record schema refuses a 任前考察 dated after the posting as well', () => {
    const [sample] = fc.sample(recordArbitrary('cadreExchange'), { numRuns: 1, seed: 1 });
    const valid = { ...sample!, ...input, deleted: false };
    expect(CadreExchangeSchema.safeParse(valid).success).toBe(true);
    const r = CadreExchangeSchema.safeParse({ ...valid, vettedOn: '2026-06-02' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path.join('.') === 'vettedOn')).toBe(true);
  });
});

describe('党务干部双向交流 to-dos', () => {
  it('lists each posting into a party-affairs post without 任前考察, with a link to the tab of its year', () => {
    const todos = cadreExchangeTodos(
      [posting('b', '2026-05-01', 'toPartyAffairs', null, { personName: '李明' }), posting('a', '2026-03-01', 'toPartyAffairs', '2026-02-10'), posting('c', '2026-06-01', 'toLine', null)],
      '2026-06-15',
    );
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({ area: 'care', title: '李明交流到党务岗位，未登记任前考察', link: '/care?tab=exchange&year=2026' });
    expect(todos[0]?.detail).toContain('交流到“机关党委专职副书记”');
  });
});
