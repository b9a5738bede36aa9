/**
 * What the 季度考核计分表 reads in the PDF worker, over a committee's database (fake-indexeddb) with
 * three enrolled units (one revoked): before publication the live table the 季度考核 page
 * computes (the same units, the same scores, marked 预览 with the day); once assessments are
 * published, those, with the day of publication — records that arrive later do not change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, EnrolledUnit } from '../../shared/model';
import { scoreQuarter } from '../../shared/rules/committee/monitoring';
import { generateCity, type GeneratedUnit } from '../../test/fixtures/generator';
import { seedDatabase } from '../../test/fixtures/seedDatabase';
import { openDatabase, type TaizhangDb } from '../db/db';
import { monitoringBasis, monitoringInput } from '../db/queries/monitoring';
import { quarterScorePrint } from './quarterScoresInput';

const TODAY = '2026-10-09';
let db: TaizhangDb;
let units: GeneratedUnit[];

const enrolled = (u: GeneratedUnit, status: EnrolledUnit['status']): EnrolledUnit => ({
  id: u.unit.id,
  unitId: u.unit.id,
  rev: '0000000000000-0000-committee',
  deleted: false,
  updatedBy: '工委',
  createdAt: '2026-01-05T00:00:00.000Z',
  name: u.unit.name,
  publicKey: null,
  status,
  revokedAt: null,
});

beforeAll(async () => {
  units = [...generateCity({ size: 'city', seed: 5, year: 2026, units: 3 }).units];
  db = openDatabase('quarter-scores-input');
  await db.open();
  for (const [i, u] of units.entries()) {
    await seedDatabase(db, u);
    await db.enrolledUnit.put(enrolled(u, i === 2 ? 'revoked' : 'active'));
  }
});

afterAll(async () => {
  db.close();
  await db.delete();
});

describe('monitoringInput', () => {
  it('carries the committee’s own records about the unit (联系组 visits, 述职评议), not another unit’s', async () => {
    const meta = (id: string, unitId: string) => ({ id, unitId, rev: '0000000000000-0000-committee', deleted: false, updatedBy: '工委', createdAt: '2026-08-01T02:00:00.000Z' });
    await db.supervisionVisit.bulkPut([
      { ...meta('visit-a', units[0]!.unit.id), kind: 'spotCheck', date: '2026-08-01', visitors: '张三', findings: '整改要求：\n1. 补齐会议记录' },
      { ...meta('visit-b', units[1]!.unit.id), kind: 'survey', date: '2026-08-02', visitors: '李四', findings: '' },
    ]);
    await db.dutyReview.put({ ...meta('review-a', units[0]!.unit.id), year: 2025, secretaryName: '王五', reportedOn: '2026-01-15', format: 'onSite', rating: 'average', comments: '', problems: [] });
    const basis = await monitoringBasis(db);
    const input = await monitoringInput(db, basis.units.find((u) => u.unitId === units[0]!.unit.id)!, []);
    expect(input.committeeRecords?.visits?.map((v) => v.id)).toEqual(['visit-a']);
    expect(input.committeeRecords?.reviews?.map((r) => r.id)).toEqual(['review-a']);
    await db.supervisionVisit.bulkDelete(['visit-a', 'visit-b']);
    await db.dutyReview.delete('review-a');
  });
});

describe('quarterScorePrint', () => {
  it('before publication: the page’s live table of the active units, marked 预览 with the day', async () => {
    const print = await quarterScorePrint(db, '2026-Q3', TODAY);
    const basis = await monitoringBasis(db);
    const active = basis.units.filter((u) => u.status === 'active');
    const inputs = await Promise.all(active.map((u) => monitoringInput(db, u, [])));
    const live = scoreQuarter(inputs, { quarter: '2026-Q3', today: TODAY, profiles: [] });
    expect(print.status).toEqual({ kind: 'preview', computedOn: TODAY });
    expect(print.units.map((u) => [u.name, u.rank, u.total, u.scores])).toEqual(live.units.map((u) => [u.name, u.rank, u.total, u.scores]));
    // the revoked unit is not scored, as on the page
    expect(print.units.map((u) => u.unitId)).not.toContain(units[2]!.unit.id);
    expect(print.indicators.map((i) => i.weight).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('once published: the published records with the day of publication', async () => {
    const live = await quarterScorePrint(db, '2026-Q3', TODAY);
    const assessments: Assessment[] = live.units.map((u, i) => ({
      id: `pub-${i}`,
      unitId: u.unitId,
      rev: '0000000000001-0000-committee',
      deleted: false,
      updatedBy: '工委',
      createdAt: '2026-10-10T01:00:00.000Z',
      quarter: '2026-Q3',
      scores: { ...u.scores } as Record<string, number>,
      // as if published before the records that changed the first unit's total arrived
      total: i === 0 ? 12.5 : u.total,
    }));
    await db.assessment.bulkPut(assessments);
    const print = await quarterScorePrint(db, '2026-Q3', '2026-11-01');
    expect(print.status).toEqual({ kind: 'published', publishedOn: '2026-10-10' });
    expect(print.units.find((u) => u.unitId === live.units[0]!.unitId)!.total).toBe(12.5);
    expect(print.units.at(-1)!.total).toBe(12.5);
    // another quarter is still a preview
    expect((await quarterScorePrint(db, '2026-Q2', TODAY)).status.kind).toBe('preview');
  });
});
