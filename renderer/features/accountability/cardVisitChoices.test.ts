import { describe, expect, it } from 'vitest';
import type { SupervisionVisit } from '../../../shared/model/committee';
import { visitChoicesForCard } from './cardVisitChoices';

const meta = { rev: '0', deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'x', sourceDevice: 'd' };
const visit = (id: string, unitId: string, date: string, over: Partial<SupervisionVisit> = {}): SupervisionVisit =>
  ({ ...meta, id, unitId, date, kind: 'survey', visitors: '张伟', findings: '', ...over }) as SupervisionVisit;

describe('the visits a card can be issued on', () => {
  const visits = [
    visit('v1', 'u1', '2026-03-05'),
    visit('v2', 'u2', '2026-11-20'),
    visit('v3', 'u1', '2026-11-20', { kind: 'forum', visitors: '李娜、王强' }),
    visit('v4', 'u1', '2026-12-01', { deleted: true }),
    visit('v5', 'u1', '2026-11-20', { kind: 'forum', visitors: '', createdAt: '2026-11-21T00:00:00.000Z' }),
  ];

  it('only the unit’s visits, deleted ones out, newest first, named by date, way and people', () => {
    expect(visitChoicesForCard(visits, 'u1')).toEqual([
      { value: 'v5', label: '2026年11月20日座谈' },
      { value: 'v3', label: '2026年11月20日座谈 · 李娜、王强' },
      { value: 'v1', label: '2026年3月5日调研 · 张伟' },
    ]);
    expect(visitChoicesForCard(visits, 'u2').map((c) => c.value)).toEqual(['v2']);
  });

  it('none before a unit is chosen, none for a unit never visited', () => {
    expect(visitChoicesForCard(visits, undefined)).toEqual([]);
    expect(visitChoicesForCard(visits, 'u9')).toEqual([]);
  });
});
