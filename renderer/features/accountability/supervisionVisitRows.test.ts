import { describe, expect, it } from 'vitest';
import type { Card, EnrolledUnit, Notice, SupervisionVisit } from '../../../shared/model/committee';
import { cardTextsFromFollowUp, composeFindings, rectificationNotice } from '../../../shared/rules/committee/supervisionVisits';
import { filterVisitRows, visitRows, visitYears } from './supervisionVisitRows';

const meta = { rev: '0', deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'x', sourceDevice: 'd' };
const unit = (unitId: string, name: string, status: EnrolledUnit['status'] = 'active') => ({ ...meta, id: unitId, unitId, name, status, creditCode: null, publicKey: null, revokedAt: null }) as EnrolledUnit;
const visit = (id: string, unitId: string, date: string, over: Partial<SupervisionVisit> = {}): SupervisionVisit =>
  ({ ...meta, id, unitId, date, kind: 'survey', visitors: '张伟、李娜', findings: composeFindings('支部会议记录不全', ['补齐会议记录', '建立月报制度']), ...over }) as SupervisionVisit;

const a = visit('v1', 'u1', '2026-11-20');
const b = visit('v2', 'u2', '2025-06-03', { kind: 'spotCheck', visitors: '王强', findings: '未发现明显问题' });
const notice = { id: 'n1', unitId: 'u1', title: rectificationNotice(a, '补齐会议记录').title, issuedOn: '2026-11-28' } as Notice;
const card = { id: 'c1', unitId: 'u1', colour: 'yellow', issuedOn: '2026-11-28', ...cardTextsFromFollowUp(a, '建立月报制度') } as Card;
const rows = visitRows({ visits: [a, b], units: [unit('u1', '市财政局'), unit('u2', '市审计局', 'revoked')], notices: [notice], cards: [card] });

describe('督导检查 rows', () => {
  it('read the items back and say which were sent to the unit and which became cards', () => {
    expect(rows[0]).toMatchObject({
      unitName: '市财政局',
      unitActive: true,
      findings: '支部会议记录不全',
      followUps: [
        { text: '补齐会议记录', sentOn: '2026-11-28', carded: false },
        { text: '建立月报制度', sentOn: null, carded: true },
      ],
      cardCount: 1,
    });
    expect(rows[1]).toMatchObject({ unitName: '市审计局', unitActive: false, findings: '未发现明显问题', followUps: [], cardCount: 0 });
  });

  it('filter by year, unit and a search over unit name (pinyin too), people, kind, findings and items', () => {
    const ids = (f: Parameters<typeof filterVisitRows>[1]) => filterVisitRows(rows, f).map((r) => r.visit.id);
    expect(ids({ year: null, unitId: null, search: '' })).toEqual(['v1', 'v2']);
    expect(ids({ year: 2026, unitId: null, search: '' })).toEqual(['v1']);
    expect(ids({ year: null, unitId: 'u2', search: '' })).toEqual(['v2']);
    expect(ids({ year: null, unitId: null, search: 'scz' })).toEqual(['v1']);
    expect(ids({ year: null, unitId: null, search: '王强' })).toEqual(['v2']);
    expect(ids({ year: null, unitId: null, search: '抽查' })).toEqual(['v2']);
    expect(ids({ year: null, unitId: null, search: '月报' })).toEqual(['v1']);
    expect(ids({ year: 2025, unitId: 'u1', search: '' })).toEqual([]);
  });

  it('offer this year, the two before and every year with a visit', () => {
    expect(visitYears(rows, 2026)).toEqual([2026, 2025, 2024]);
    expect(visitYears([...rows, ...visitRows({ visits: [visit('v3', 'u1', '2021-03-01')], units: [], notices: [], cards: [] })], 2026)).toEqual([2026, 2025, 2024, 2021]);
  });
});

describe('cards issued on a visit (visitId)', () => {
  // two 调研 of the same unit on the same day: their 依据 words are alike, the link tells them apart
  const first = visit('v7', 'u1', '2026-11-20');
  const second = visit('v8', 'u1', '2026-11-20', { visitors: '李娜' });
  const linked = { id: 'c7', unitId: 'u1', colour: 'yellow', issuedOn: '2026-11-28', visitId: 'v8', ...cardTextsFromFollowUp(second, '补齐会议记录') } as Card;
  const older = { id: 'c8', unitId: 'u1', colour: 'yellow', issuedOn: '2026-11-28', ...cardTextsFromFollowUp(first, '建立月报制度') } as Card;
  const twoRows = visitRows({ visits: [first, second], units: [unit('u1', '市财政局')], notices: [], cards: [linked, older] });

  it('count on the visit they name by id only; a card without the link still counts by its words', () => {
    const [one, two] = twoRows;
    // the linked card's words name “2026年11月20日调研” — both visits — but it counts on v8 only
    expect(one).toMatchObject({ cardCount: 1, followUps: [{ text: '补齐会议记录', carded: false }, { text: '建立月报制度', carded: true }] });
    // the older card has only its words, which fit both visits: it counts on both
    expect(two).toMatchObject({ cardCount: 2, followUps: [{ text: '补齐会议记录', carded: true }, { text: '建立月报制度', carded: true }] });
  });
});
