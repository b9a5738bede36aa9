/**
 * Report test data from the synthetic city (test/fixtures/generator): the `small` unit, a few units
 * of a `city`, and the committee's cards and quarterly assessments for them (the generator writes
 * unit-side records only, so the committee's side is made here, deterministically, and checked
 * against the record schemas like any other record).
 */
import { encodeRev } from '../../shared/clock/hlc';
import { createUuidV7Generator } from '../../shared/ids/uuidv7';
import { validateRecord } from '../../shared/model/validate';
import type { Assessment, Card, DutyReview } from '../../shared/model';
import type { PdfDocumentDefinition } from '../../shared/reports/pdfTypes';
import { unitReportData, type UnitReportData } from '../../shared/reports/reportData';
import { BUNDLED_FONT_SET, type ReportFontSet } from '../../shared/reports/fonts';
import { NATIONAL_PROFILE_V1, weightedTotal } from '../../shared/rules';
import { renderPdf } from '../../scripts/cli/renderPdf';
import { generateCity, generateUnits, planUnits } from '../fixtures/generator';
import type { GeneratedCity, GeneratedUnit } from '../fixtures/generator';
import { writePdf } from './pdfReader';

export const YEAR = 2026;
export const AS_OF = '2026-12-31';
export const COMMITTEE = '中共市委直属机关工委';

let small: GeneratedCity | null = null;

export function smallCity(): GeneratedCity {
  small ??= generateCity({ size: 'small', seed: 1, year: YEAR });
  return small;
}

export function dataOf(unit: GeneratedCity['units'][number]): UnitReportData {
  const data = unitReportData(unit.records, { unitId: unit.unit.id, year: YEAR, asOf: AS_OF, committeeName: COMMITTEE });
  if (data === null) throw new Error('fixture unit without its unit record');
  return data;
}

/** The `small` fixture's one unit. */
export function smallUnit(): UnitReportData {
  const unit = smallCity().units[0];
  if (unit === undefined) throw new Error('small fixture has no unit');
  return dataOf(unit);
}

/** A city of `units` units (a smaller city than the benchmark's, for speed). */
export function cityUnits(units: number): UnitReportData[] {
  return generateCity({ size: 'city', seed: 1, year: YEAR, units }).units.map(dataOf);
}

let fullCity: { readonly first: readonly GeneratedUnit[]; readonly largest: GeneratedUnit } | null = null;

/**
 * From the full synthetic city (200 units, as `npm run fixtures -- city` writes it): its first
 * `FIRST_UNITS` units and its largest unit (市公安局, about 3,200 members), generated one by one up
 * to the largest (about 5 s) and the rest never made.
 */
export const FIRST_UNITS = 6;
export function fullCityUnits(): { readonly first: readonly GeneratedUnit[]; readonly largest: GeneratedUnit } {
  if (fullCity !== null) return fullCity;
  const options = { size: 'city', seed: 1, year: YEAR } as const;
  const plans = planUnits(options);
  const largestIndex = plans.reduce((best, p) => (p.members > (plans[best]?.members ?? -1) ? p.index : best), 0);
  const first: GeneratedUnit[] = [];
  let largest: GeneratedUnit | null = null;
  let i = 0;
  for (const unit of generateUnits(options)) {
    if (i < FIRST_UNITS) first.push(unit);
    if (i === largestIndex) largest = unit;
    if (i >= Math.max(largestIndex, FIRST_UNITS - 1)) break;
    i++;
  }
  if (largest === null) throw new Error('the full city has no largest unit');
  fullCity = { first, largest };
  return fullCity;
}

const COMMITTEE_DEVICE = 'committee-device-1';

function meta(unitId: string, ids: () => string, ms: number) {
  return {
    id: ids(),
    unitId,
    rev: encodeRev({ wallMs: ms, counter: 0, deviceId: COMMITTEE_DEVICE }),
    deleted: false,
    updatedBy: '市委直属机关工委',
    createdAt: new Date(ms).toISOString(),
  };
}

/** Cards and assessments a committee could have issued to `units` in the year (checked with zod). */
export function committeeRecords(units: readonly UnitReportData[]): { cards: Card[]; assessments: Assessment[]; dutyReviews: DutyReview[] } {
  let ms = Date.UTC(YEAR, 0, 5);
  const ids = createUuidV7Generator({ now: () => ms, random: (n) => new Uint8Array(n).map((_, i) => (i * 37 + ms) & 0xff) });
  const cards: Card[] = [];
  const assessments: Assessment[] = [];
  const dutyReviews: DutyReview[] = [];
  units.forEach((u, i) => {
    if (i % 2 === 0) {
      // 述职评议 of every other unit: 好, 较好, 好, …
      ms += 60_000;
      const review = {
        ...meta(u.unit.id, ids, ms),
        year: YEAR,
        secretaryName: '',
        reportedOn: `${YEAR + 1}-01-1${i % 10}`,
        format: 'onSite',
        rating: i % 4 === 0 ? 'good' : 'fairlyGood',
        comments: '',
        problems: ['对下属支部督促检查不够'],
      };
      const checked = validateRecord('dutyReview', review);
      if (!checked.ok) throw new Error(checked.error.message);
      dutyReviews.push(checked.value);
    }
    const branch = u.organisations.find((o) => o.kind === 'branch');
    if (i % 3 === 0 && branch !== undefined) {
      ms += 86_400_000;
      const card = {
        ...meta(u.unit.id, ids, ms),
        subjectKind: 'organisation',
        subjectId: branch.id,
        trigger: '连续两个月未按期召开支委会',
        colour: 'yellow',
        issuer: '市委直属机关工委',
        issuedOn: `${YEAR}-04-1${i % 10}`,
        fixBy: `${YEAR}-06-30`,
        fixStatus: i % 2 === 0 ? 'fixed' : 'pending',
        closedOn: i % 2 === 0 ? `${YEAR}-06-20` : null,
        consequences: ['约谈'],
        evidence: '季度监控发现',
      };
      const checked = validateRecord('card', card);
      if (!checked.ok) throw new Error(checked.error.message);
      cards.push(checked.value);
    }
    for (let q = 1; q <= 4; q++) {
      ms += 3_600_000;
      const scores = {
        meetingCompleteness: 70 + ((i * 7 + q * 3) % 30),
        attendance: 80 + ((i + q) % 20),
        terms: (i + q) % 5 === 0 ? 60 : 100,
        trainingCoverage: 75 + ((i * 3 + q) % 25),
        cadreRatio: i % 4 === 0 ? 50 : 100,
        rectification: 90,
        bundleTimeliness: 100,
      };
      const record = {
        ...meta(u.unit.id, ids, ms),
        quarter: `${YEAR}-Q${q}`,
        scores,
        total: weightedTotal(scores, NATIONAL_PROFILE_V1).total,
      };
      const checked = validateRecord('assessment', record);
      if (!checked.ok) throw new Error(checked.error.message);
      assessments.push(checked.value);
    }
  });
  return { cards, assessments, dutyReviews };
}

/** Renders a document definition with the bundled fonts and writes it to the run's temp dir. */
export async function renderToFile(name: string, definition: PdfDocumentDefinition, fonts: ReportFontSet = BUNDLED_FONT_SET): Promise<string> {
  return writePdf(name, await renderPdf(definition, fonts));
}
