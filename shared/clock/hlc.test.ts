import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareRev, createHlc, decodeRev, DEFAULT_MAX_SKEW_MS, encodeRev, isRev, MAX_COUNTER } from './hlc';

const DEV_A = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f';
const DEV_B = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e10';
const T0 = Date.UTC(2026, 0, 15, 8, 0, 0);

/** A clock the test can move. */
function manualClock(start: number): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => (t = v) };
}

describe('rev encoding', () => {
  it('is fixed-width wall ms, fixed-width counter, then the device id', () => {
    expect(encodeRev({ wallMs: T0, counter: 3, deviceId: DEV_A })).toBe(`${T0}-00003-${DEV_A}`);
    expect(encodeRev({ wallMs: 5, counter: 0, deviceId: 'd' })).toBe('0000000000005-00000-d');
  });

  it('round-trips through decodeRev', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999_999 }),
        fc.integer({ min: 0, max: MAX_COUNTER }),
        fc.stringMatching(/^[0-9A-Za-z_-]{1,64}$/),
        (wallMs, counter, deviceId) => {
          const decoded = decodeRev(encodeRev({ wallMs, counter, deviceId }));
          expect(decoded).toEqual({ ok: true, value: { wallMs, counter, deviceId } });
        },
      ),
    );
  });

  it('orders as strings exactly as (wallMs, counter, deviceId) tuples', () => {
    const stamp = fc.record({
      wallMs: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: MAX_COUNTER }),
      deviceId: fc.stringMatching(/^[0-9A-Za-z_-]{1,12}$/),
    });
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const tuple = a.wallMs - b.wallMs || a.counter - b.counter || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0);
        expect(Math.sign(compareRev(encodeRev(a), encodeRev(b)))).toBe(Math.sign(tuple));
      }),
    );
  });

  it.each([
    ['', 'empty'],
    ['1767225600000-00003', 'no device id'],
    ['176722560000-00003-dev', 'wall too short'],
    ['1767225600000-0003-dev', 'counter too short'],
    ['1767225600000-00003-dev id', 'space in device id'],
    [`1767225600000-00003-${'x'.repeat(65)}`, 'device id too long'],
    ['-767225600000-00003-dev', 'sign'],
  ])('refuses a malformed rev (%s: %s) with a Chinese message', (rev) => {
    const r = decodeRev(rev);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalidRev');
      expect(r.error.message).toMatch(/修订号/);
    }
    expect(isRev(rev)).toBe(false);
  });

  it('compareRev throws a BugError on a malformed rev instead of ordering garbage', () => {
    expect(() => compareRev('garbage', `${T0}-00000-a`)).toThrow(/malformed rev/);
  });

  it('encodeRev refuses out-of-range stamps', () => {
    expect(() => encodeRev({ wallMs: -1, counter: 0, deviceId: 'a' })).toThrow();
    expect(() => encodeRev({ wallMs: 1e13, counter: 0, deviceId: 'a' })).toThrow();
    expect(() => encodeRev({ wallMs: 1, counter: MAX_COUNTER + 1, deviceId: 'a' })).toThrow();
    expect(() => encodeRev({ wallMs: 1, counter: 0, deviceId: '' })).toThrow();
  });
});

describe('createHlc', () => {
  it('uses the PC time while it moves forward', () => {
    const clock = manualClock(T0);
    const hlc = createHlc(DEV_A, clock.now);
    expect(hlc.tick()).toBe(`${T0}-00000-${DEV_A}`);
    clock.set(T0 + 5);
    expect(hlc.tick()).toBe(`${T0 + 5}-00000-${DEV_A}`);
  });

  it('counts up within one millisecond', () => {
    const hlc = createHlc(DEV_A, () => T0);
    const revs = Array.from({ length: 1000 }, () => hlc.tick());
    expect(revs[999]).toBe(`${T0}-00999-${DEV_A}`);
    expect([...revs].sort()).toEqual(revs);
  });

  it('stays monotonic when the PC clock jumps back (wall stays at the max seen, counter increments)', () => {
    const clock = manualClock(T0);
    const hlc = createHlc(DEV_A, clock.now);
    const first = hlc.tick();
    clock.set(T0 - 3_600_000);
    const second = hlc.tick();
    expect(second).toBe(`${T0}-00001-${DEV_A}`);
    expect(compareRev(second, first)).toBeGreaterThan(0);
    clock.set(T0 + 1);
    expect(hlc.tick()).toBe(`${T0 + 1}-00000-${DEV_A}`);
  });

  it('carries a counter overflow into the wall time instead of failing', () => {
    const hlc = createHlc(DEV_A, () => T0);
    let last = '';
    // ticks 0 … 99999 use counters 0 … 99999 at T0; the next two are (T0+1, 0) and (T0+1, 1)
    for (let i = 0; i < MAX_COUNTER + 3; i++) last = hlc.tick();
    expect(last).toBe(`${T0 + 1}-00001-${DEV_A}`);
  });

  it('after receiving a rev from a device that is ahead, ticks above it', () => {
    const hlc = createHlc(DEV_A, () => T0);
    hlc.tick();
    const remote = `${T0 + 60_000}-00007-${DEV_B}`;
    expect(hlc.receive(remote)).toEqual({ ok: true, value: undefined });
    const next = hlc.tick();
    expect(next).toBe(`${T0 + 60_000}-00009-${DEV_A}`);
    expect(compareRev(next, remote)).toBeGreaterThan(0);
  });

  it('keeps its own time when the remote is behind', () => {
    const hlc = createHlc(DEV_A, () => T0);
    hlc.tick();
    expect(hlc.receive(`${T0 - 60_000}-00042-${DEV_B}`).ok).toBe(true);
    expect(hlc.tick()).toBe(`${T0}-00002-${DEV_A}`);
  });

  it('with equal wall times takes the larger counter plus one (Kulkarni)', () => {
    const hlc = createHlc(DEV_A, () => T0 - 10);
    expect(hlc.receive(`${T0}-00005-${DEV_B}`).ok).toBe(true);
    expect(hlc.state()).toEqual({ wallMs: T0, counter: 6, deviceId: DEV_A });
    expect(hlc.receive(`${T0}-00003-${DEV_B}`).ok).toBe(true);
    expect(hlc.state().counter).toBe(7);
  });

  it('uses the physical time when it is ahead of both', () => {
    const hlc = createHlc(DEV_A, () => T0);
    expect(hlc.receive(`${T0 - 1}-00005-${DEV_B}`).ok).toBe(true);
    expect(hlc.state()).toEqual({ wallMs: T0, counter: 0, deviceId: DEV_A });
  });

  it('refuses to follow a remote clock more than a day ahead, and stays where it was', () => {
    const hlc = createHlc(DEV_A, () => T0);
    const before = hlc.tick();
    const r = hlc.receive(`${T0 + DEFAULT_MAX_SKEW_MS + 1}-00000-${DEV_B}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('clockSkew');
      expect(r.error.message).toMatch(/系统日期/);
    }
    expect(hlc.tick()).toBe(`${T0}-00001-${DEV_A}`);
    expect(compareRev(before, `${T0}-00001-${DEV_A}`)).toBeLessThan(0);
    // exactly at the tolerance it is still merged
    expect(hlc.receive(`${T0 + DEFAULT_MAX_SKEW_MS}-00000-${DEV_B}`).ok).toBe(true);
  });

  it('accepts a custom skew tolerance', () => {
    const hlc = createHlc(DEV_A, () => T0, { maxSkewMs: 1000 });
    expect(hlc.receive(`${T0 + 1001}-00000-${DEV_B}`).ok).toBe(false);
    expect(hlc.receive(`${T0 + 1000}-00000-${DEV_B}`).ok).toBe(true);
  });

  it('refuses a malformed remote rev without changing state', () => {
    const hlc = createHlc(DEV_A, () => T0);
    const r = hlc.receive('not-a-rev');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('invalidRev');
    expect(hlc.state()).toEqual({ wallMs: 0, counter: 0, deviceId: DEV_A });
  });

  it('continues above a seed rev after a restart with the PC clock set back', () => {
    const seed = `${T0}-00004-${DEV_B}`;
    const hlc = createHlc(DEV_A, () => T0 - 86_400_000 * 30, { seed });
    expect(hlc.tick()).toBe(`${T0}-00005-${DEV_A}`);
  });

  it('refuses a malformed device id or seed as a bug', () => {
    expect(() => createHlc('bad id', () => T0)).toThrow();
    expect(() => createHlc(DEV_A, () => T0, { seed: 'x' })).toThrow();
    expect(() => createHlc(DEV_A, () => Number.NaN).tick()).toThrow();
  });

  it('property: under random clock jumps and receives every tick is strictly greater than the one before and than every merged rev', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const) }),
      fc.record({ kind: fc.constant('jump' as const), deltaMs: fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }) }),
      fc.record({ kind: fc.constant('jump' as const), deltaMs: fc.integer({ min: -5, max: 5 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        offsetMs: fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }),
        counter: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: MAX_COUNTER - 3, max: MAX_COUNTER })),
        device: fc.constantFrom(DEV_A, DEV_B, 'zz', '0'),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const clock = manualClock(T0);
        const hlc = createHlc(DEV_A, clock.now);
        let floor = '';
        for (const o of ops) {
          if (o.kind === 'jump') clock.set(Math.max(0, clock.now() + o.deltaMs));
          else if (o.kind === 'receive') {
            const wallMs = Math.max(0, clock.now() + o.offsetMs);
            const remote = encodeRev({ wallMs, counter: o.counter, deviceId: o.device });
            const r = hlc.receive(remote);
            expect(r.ok).toBe(o.offsetMs <= DEFAULT_MAX_SKEW_MS);
            if (r.ok && remote > floor) floor = remote;
          } else {
            const rev = hlc.tick();
            expect(isRev(rev)).toBe(true);
            expect(rev > floor).toBe(true);
            expect(decodeRev(rev)).toMatchObject({ ok: true, value: { deviceId: DEV_A } });
            floor = rev;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
