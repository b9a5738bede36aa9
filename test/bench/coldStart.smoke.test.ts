/**
 * A smoke run of the cold-start bench (coldStart.bench.ts), so that it does not rot between `npm run
 * bench` runs: the app's own build with the fill page, a committee set up through the setup screen,
 * one small unit then a second imported through the app's import, every screen opened cold once in
 * each phase through the start gate. No timing is checked (benchmarks never fail on a number); each
 * screen must show its content, and the heap be measured.
 */
import { describe, expect, it } from 'vitest';
import { run } from './coldStart.bench';

describe('coldStart bench (smoke)', () => {
  it('builds the app, sets up a committee, imports two units and opens each committee screen cold', async () => {
    const result = await run({ units: '2', runs: '1', one: '0' });
    expect(result.units).toBe(2);
    expect(result.heldRecords).toBeGreaterThan(0);
    for (const phase of [result.oneUnit, result.city]) {
      expect(phase.map((s) => s.screen)).toEqual(['dashboard', 'register', 'unitWorkbench', 'unitMeetings']);
      for (const s of phase) {
        expect(s.runs).toHaveLength(1);
        expect(s.runs[0]!.shown).toBeGreaterThan(0);
        expect(s.heap).toBeGreaterThan(1_000_000);
      }
    }
  }, 300_000);
});
