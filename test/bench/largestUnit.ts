/** The largest unit of the synthetic `city` fixture (the worst case the screens must handle). */
import { generateUnits, planUnits, type GeneratedUnit } from '../fixtures/generator';

export function largestCityUnit(seed = 1, year = 2026): GeneratedUnit {
  const plans = planUnits({ size: 'city', seed, year });
  const largest = plans.reduce((a, b) => (b.members > a.members ? b : a));
  for (const unit of generateUnits({ size: 'city', seed, year })) {
    if (unit.unit.name === largest.name) return unit;
  }
  throw new Error(`largest unit ${largest.name} was not generated`);
}

/** Median of `runs` timings (ms) of `fn`, after one warm-up run. */
export async function timeIt(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function ms(n: number): string {
  return n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(0)} ms`;
}
