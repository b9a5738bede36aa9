/**
 * A smoke run of the Chromium bench harness (browser/harness.ts) with the reports page, so that
 * neither rots between `npm run bench` runs: one session on a small synthetic unit, every report
 * of the bench made once through the app's worker and once by bare pdfmake. No timing is checked
 * (benchmarks never fail on a number); the two sides' PDFs must be the same.
 */
import { describe, expect, it } from 'vitest';
import { measureReports } from './reportsBrowser.bench';

describe('reportsBrowser bench (smoke)', () => {
  it('opens the page in Chromium, seeds a unit, makes each report through the worker and by bare pdfmake, the same PDFs', async () => {
    const result = await measureReports({ size: 'small', seed: 1, year: 2026 }, 1, 0);
    expect(result.runs).toHaveLength(1);
    const [run] = result.runs;
    expect(run!.annualFirst.pages).toBeGreaterThan(0);
    expect(run!.signInFirst.pages).toBeGreaterThan(0);
    expect(result.identical).toBe(true);
  }, 240_000);
});
