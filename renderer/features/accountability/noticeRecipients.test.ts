import { describe, expect, it } from 'vitest';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { noticeRecipients } from './noticeRecipients';

const unit = (unitId: string, name: string, status: EnrolledUnit['status']): EnrolledUnit => ({
  id: unitId,
  unitId,
  rev: '0',
  deleted: false,
  updatedBy: '工委',
  createdAt: '2026-01-05T00:00:00.000Z',
  name,
  publicKey: null,
  status,
  revokedAt: null,
});
const UNITS = [unit('a', '市财政局', 'active'), unit('b', '市审计局', 'invited'), unit('c', '市统计局', 'active'), unit('d', '市林业局', 'revoked')];

describe('noticeRecipients', () => {
  it('takes the active units the register shows, in its order, and names those that cannot receive a notice', () => {
    const r = noticeRecipients(['c', 'b', 'a', 'd'], UNITS, '逾期未报送');
    expect(r.unitIds).toEqual(['c', 'a']);
    expect(r.skipped).toEqual(['b', 'd']);
    expect(r.note).toBe('接收单位按纳管单位名册的筛选（逾期未报送）选定：名册所示 4 个单位；其中“市审计局”、“市林业局”尚未启用（未完成首次报送或已吊销），收不到通知，未列入。发出前可再增减。');
  });

  it('units not shown are not chosen', () => {
    const r = noticeRecipients(['a'], UNITS, '查找“scz”');
    expect(r).toMatchObject({ unitIds: ['a'], skipped: [] });
    expect(r.note).toBe('接收单位按纳管单位名册的筛选（查找“scz”）选定：名册所示 1 个单位。发出前可再增减。');
  });
});
