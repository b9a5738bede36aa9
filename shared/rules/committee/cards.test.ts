import { describe, it, expect } from 'vitest';
import { cardEscalations, evidenceNamingVisit, type CardFact } from './cards';
import { NATIONAL_PROFILE_V1 as P, type RuleProfile } from '../profile';

let n = 0;
const card = (over: Partial<CardFact>): CardFact => ({
  id: `c${++n}`,
  subjectKind: 'unit',
  subjectId: 'u1',
  colour: 'yellow',
  issuedOn: '2026-01-10',
  fixBy: '2026-03-31',
  fixStatus: 'pending',
  closedOn: null,
  ...over,
});

describe('a yellow not fixed by its deadline becomes red', () => {
  it.each<[string, Partial<CardFact>, string, boolean]>([
    ['pending, asOf = fixBy', {}, '2026-03-31', false],
    ['pending, asOf = fixBy + 1', {}, '2026-04-01', true],
    ['marked overdue', { fixStatus: 'overdue' }, '2026-04-01', true],
    ['fixed on the deadline', { fixStatus: 'fixed', closedOn: '2026-03-31' }, '2026-06-01', false],
    ['fixed late', { fixStatus: 'fixed', closedOn: '2026-04-10' }, '2026-06-01', true],
    ['fixed, no closed date', { fixStatus: 'fixed', closedOn: null }, '2026-06-01', false],
    ['no deadline', { fixBy: null }, '2027-01-01', false],
    ['a red card', { colour: 'red' }, '2026-06-01', false],
    ['deleted', { deleted: true }, '2026-06-01', false],
  ])('%s → escalates %s', (_, over, asOf, escalates) => {
    const out = cardEscalations({ cards: [card(over)], asOf }, P);
    expect(out.length > 0).toBe(escalates);
    if (escalates) expect(out[0]?.escalateOn).toBe('2026-04-01');
  });
  it('explains', () => {
    expect(cardEscalations({ cards: [card({})], asOf: '2026-04-01' }, P)[0]?.reason).toBe(
      '黄牌（2026年1月10日发出）要求2026年3月31日前整改，逾期未整改，应升级为红牌',
    );
    expect(cardEscalations({ cards: [card({ fixStatus: 'fixed', closedOn: '2026-04-10' })], asOf: '2026-05-01' }, P)[0]?.reason).toBe(
      '黄牌（2026年1月10日发出）要求2026年3月31日前整改，2026年4月10日才整改完成，逾期整改，应升级为红牌',
    );
  });
  it('can be switched off in the profile', () => {
    const off: RuleProfile = { ...P, cards: { ...P.cards, escalateOverdueYellow: false } };
    expect(cardEscalations({ cards: [card({})], asOf: '2026-06-01' }, off)).toEqual([]);
  });
});

describe('two yellows within 12 months: the second becomes red', () => {
  const fixed = { fixStatus: 'fixed' as const, closedOn: '2025-03-05', fixBy: null };
  it.each<[string, string, boolean]>([
    ['2025-03-01', '2026-02-28', true],
    ['2025-03-01', '2026-03-01', false], // the anniversary is outside the window
    ['2024-02-29', '2025-02-27', true],
    ['2024-02-29', '2025-02-28', false], // 2024-02-29 + 12 months = 2025-02-28
    ['2026-01-10', '2026-01-10', true], // same day
  ])('%s then %s → %s', (first, second, escalates) => {
    const a = card({ ...fixed, issuedOn: first });
    const b = card({ ...fixed, issuedOn: second });
    const out = cardEscalations({ cards: [b, a], asOf: '2027-01-01' }, P);
    expect(out.map((e) => e.cardId)).toEqual(escalates ? [b.id] : []);
    if (escalates) expect(out[0]?.triggers[0]).toMatchObject({ rule: 'repeated', escalateOn: second, relatedCardId: a.id });
  });
  it('only counts yellows of the same subject', () => {
    const a = card({ ...fixed, issuedOn: '2026-01-01' });
    const b = card({ ...fixed, issuedOn: '2026-02-01', subjectId: 'u2' });
    const c = card({ ...fixed, issuedOn: '2026-02-01', subjectKind: 'organisation', subjectId: 'u1' });
    expect(cardEscalations({ cards: [a, b, c], asOf: '2027-01-01' }, P)).toEqual([]);
  });
  it('ignores cards issued after asOf', () => {
    const a = card({ ...fixed, issuedOn: '2026-01-01' });
    const b = card({ ...fixed, issuedOn: '2026-02-01' });
    expect(cardEscalations({ cards: [a, b], asOf: '2026-01-31' }, P)).toEqual([]);
  });
  it('explains, and combines both rules on one card', () => {
    const a = card({ ...fixed, issuedOn: '2025-06-01' });
    const b = card({ issuedOn: '2026-01-10', fixBy: '2026-03-31' });
    const [e] = cardEscalations({ cards: [a, b], asOf: '2026-05-01' }, P);
    expect(e?.triggers.map((t) => t.rule)).toEqual(['overdue', 'repeated']);
    expect(e?.escalateOn).toBe('2026-01-10');
    expect(e?.reason).toBe(
      '黄牌（2026年1月10日发出）要求2026年3月31日前整改，逾期未整改，应升级为红牌；12 个月内第 2 张黄牌（前一张于2025年6月1日发出），应升级为红牌',
    );
  });
  it('follows a profile that needs three yellows', () => {
    const three: RuleProfile = { ...P, cards: { ...P.cards, repeatYellowCount: 3 } };
    const cards = ['2026-01-01', '2026-03-01', '2026-05-01'].map((d) => card({ ...fixed, issuedOn: d }));
    expect(cardEscalations({ cards, asOf: '2027-01-01' }, three).map((e) => e.cardId)).toEqual([cards[2]?.id]);
  });
});

describe('alreadyRed', () => {
  it.each<[string, boolean]>([
    ['2026-03-31', false], // red before the escalation day
    ['2026-04-01', true],
    ['2026-04-20', true],
  ])('a red card issued on %s → %s', (redOn, expected) => {
    const red = card({ colour: 'red', issuedOn: redOn, fixBy: null });
    expect(cardEscalations({ cards: [card({}), red], asOf: '2026-05-01' }, P)[0]?.alreadyRed).toBe(expected);
  });
});

describe('a card issued on a 联系组 visit names the visit in its 依据', () => {
  const visit = { date: '2026-12-01', kind: 'forum' as const };
  it('evidence without the visit gets its reference as the first line', () => {
    expect(evidenceNamingVisit('  第一党支部会议记录不全 ', visit, 5000)).toBe('工委联系组2026年12月1日座谈（督导检查记录）。\n第一党支部会议记录不全');
  });
  it('empty evidence becomes the reference alone', () => {
    expect(evidenceNamingVisit('', visit, 5000)).toBe('工委联系组2026年12月1日座谈（督导检查记录）。');
  });
  it('evidence that already names the visit (a follow-up item) is kept as it is', () => {
    const text = '工委联系组2026年12月1日座谈（督导检查记录），参加人员：张伟。\n整改要求：补齐记录';
    expect(evidenceNamingVisit(text, visit, 5000)).toBe(text);
  });
  it('evidence naming another visit of the same unit still gets this one', () => {
    const other = '工委联系组2026年11月3日调研（督导检查记录）。';
    expect(evidenceNamingVisit(other, visit, 5000)).toBe(`工委联系组2026年12月1日座谈（督导检查记录）。\n${other}`);
  });
  it('keeps within the field length', () => {
    const out = evidenceNamingVisit('很'.repeat(100), visit, 40);
    expect(out).toHaveLength(40);
    expect(out.startsWith('工委联系组2026年12月1日座谈（督导检查记录）')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
  });
});
