/**
 * Hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014) for record
 * revisions (`rev`). A stamp is (wallMs, counter, deviceId): wallMs is the highest physical time
 * seen (this PC's or a received one), counter orders events within one wallMs, and the device id
 * breaks the remaining ties, so two devices never produce the same rev.
 *
 * Encoding (format 1), plain-string sortable:
 *
 *     WWWWWWWWWWWWW-CCCCC-<deviceId>
 *
 *   - W: wallMs, 13 decimal digits, zero-padded (covers 0 … 9999999999999 ms, i.e. up to year 2286);
 *   - C: counter, 5 decimal digits, zero-padded (0 … 99999);
 *   - deviceId: 1–64 characters of [0-9A-Za-z_-] (a UUIDv7 in practice).
 *
 * The two numbers have fixed widths, so JavaScript string comparison (and IndexedDB key order)
 * orders revs by wallMs, then counter, then device id. Example:
 * `1767225600000-00003-01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f`.
 *
 * Decisions the contract left open:
 *   - Counter overflow: when the counter would pass 99999 within one wallMs, wallMs moves 1 ms ahead
 *     and the counter restarts at 0. This keeps every stamp strictly increasing; the clock then runs
 *     at most a few ms ahead of physical time, which HLC tolerates. It never throws.
 *   - A PC clock that jumps back: wallMs stays at the highest value seen and the counter increments.
 *   - A remote rev too far in the future (more than `maxSkewMs`, default 1 day, ahead of this PC's
 *     clock) is NOT merged: `receive` returns an ExpectedError of kind 'clockSkew' and leaves the
 *     clock unchanged. Merging it would drag this device (and, through its bundles, every other)
 *     to that future time forever. The record carrying the rev may still be stored; only the clock
 *     refuses to follow it. The caller decides whether to warn or refuse the bundle.
 */
import { BugError, expectedError, fail, ok } from '../errors/errors';
import type { ExpectedError, Result } from '../errors/errors';

export const MAX_WALL_MS = 9_999_999_999_999;
export const MAX_COUNTER = 99_999;
export const DEFAULT_MAX_SKEW_MS = 24 * 60 * 60 * 1000;

const WALL_WIDTH = 13;
const COUNTER_WIDTH = 5;
const DEVICE_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;
const REV_PATTERN = /^(\d{13})-(\d{5})-([0-9A-Za-z_-]{1,64})$/;

/** One decoded revision stamp. */
export interface HlcStamp {
  readonly wallMs: number;
  readonly counter: number;
  readonly deviceId: string;
}

export type InvalidRevError = ExpectedError<'invalidRev'>;
export type ClockSkewError = ExpectedError<'clockSkew'>;

export interface HlcOptions {
  /** How far ahead of this PC's clock a received rev may be and still be merged. Default 1 day. */
  readonly maxSkewMs?: number;
  /**
   * The highest rev this device issued or merged before (e.g. read back from the database at
   * start-up). Every later tick is greater than it, even if the PC clock has since gone back. It is
   * trusted: no skew check. A malformed seed is a bug (BugError).
   */
  readonly seed?: string | null;
}

export interface Hlc {
  /** A new rev for a local event or a record about to be written/sent; strictly increasing. */
  tick(): string;
  /**
   * Merge a rev received from another device (Kulkarni's receive rule), so that every later tick
   * is greater than it. Refuses malformed revs and revs too far in the future (see module doc).
   */
  receive(remoteRev: string): Result<void, InvalidRevError | ClockSkewError>;
  /** The current state (the last stamp issued or merged). */
  state(): HlcStamp;
}

export function isDeviceId(s: unknown): s is string {
  return typeof s === 'string' && DEVICE_ID_PATTERN.test(s);
}

/** Encode a stamp; throws BugError for a stamp out of range (the clock never makes one). */
export function encodeRev(stamp: HlcStamp): string {
  const { wallMs, counter, deviceId } = stamp;
  if (!Number.isSafeInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) {
    throw new BugError(`encodeRev: wallMs out of range: ${String(wallMs)}`);
  }
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new BugError(`encodeRev: counter out of range: ${String(counter)}`);
  }
  if (!isDeviceId(deviceId)) throw new BugError('encodeRev: malformed device id');
  return `${String(wallMs).padStart(WALL_WIDTH, '0')}-${String(counter).padStart(COUNTER_WIDTH, '0')}-${deviceId}`;
}

/** Decode an untrusted rev. */
export function decodeRev(rev: unknown): Result<HlcStamp, InvalidRevError> {
  const m = typeof rev === 'string' ? REV_PATTERN.exec(rev) : null;
  if (!m) {
    return fail(
      expectedError('invalidRev', '修订号（rev）格式不正确，该记录可能已损坏或来自不兼容的版本，请向发送方重新索取数据'),
    );
  }
  return ok({ wallMs: Number(m[1]), counter: Number(m[2]), deviceId: m[3] ?? '' });
}

export function isRev(s: unknown): s is string {
  return typeof s === 'string' && REV_PATTERN.test(s);
}

/**
 * Order two revs: negative, 0 or positive. Plain string comparison, which the encoding makes equal
 * to (wallMs, counter, deviceId) order. Both must be valid revs (records are schema-checked before
 * they are compared); a malformed one is a bug and throws BugError.
 */
export function compareRev(a: string, b: string): number {
  if (!isRev(a) || !isRev(b)) throw new BugError('compareRev: malformed rev');
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createHlc(deviceId: string, now: () => number, options: HlcOptions = {}): Hlc {
  if (!isDeviceId(deviceId)) throw new BugError('createHlc: malformed device id');
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (!Number.isFinite(maxSkewMs) || maxSkewMs < 0) throw new BugError('createHlc: bad maxSkewMs');

  let wallMs = 0;
  let counter = 0;

  if (options.seed != null) {
    const seed = decodeRev(options.seed);
    if (!seed.ok) throw new BugError('createHlc: malformed seed rev');
    wallMs = seed.value.wallMs;
    counter = seed.value.counter;
  }

  function physical(): number {
    const t = Math.floor(now());
    if (!Number.isFinite(t) || t < 0 || t > MAX_WALL_MS) {
      throw new BugError(`hlc: clock returned an impossible time ${String(t)}`);
    }
    return t;
  }

  /** Set (wall, counter), carrying a counter overflow into the wall. */
  function set(nextWall: number, nextCounter: number): void {
    if (nextCounter > MAX_COUNTER) {
      nextWall += 1;
      nextCounter = 0;
    }
    if (nextWall > MAX_WALL_MS) throw new BugError('hlc: wall time beyond the encodable range');
    wallMs = nextWall;
    counter = nextCounter;
  }

  return {
    tick(): string {
      const pt = physical();
      if (pt > wallMs) set(pt, 0);
      else set(wallMs, counter + 1);
      return encodeRev({ wallMs, counter, deviceId });
    },

    receive(remoteRev: string): Result<void, InvalidRevError | ClockSkewError> {
      const decoded = decodeRev(remoteRev);
      if (!decoded.ok) return decoded;
      const remote = decoded.value;
      const pt = physical();
      if (remote.wallMs > pt + maxSkewMs) {
        const days = Math.floor((remote.wallMs - pt) / 86_400_000);
        return fail(
          expectedError(
            'clockSkew',
            `收到的数据时间比本机时间快${days >= 1 ? `约${days}天` : '超过允许范围'}，可能是对方电脑或本机的系统日期设置有误。` +
              '请核对两台电脑的日期和时间后再导入；在此之前本机时钟不会采用该时间。',
          ),
        );
      }
      const oldWall = wallMs;
      const nextWall = Math.max(oldWall, remote.wallMs, pt);
      if (nextWall === oldWall && nextWall === remote.wallMs) set(nextWall, Math.max(counter, remote.counter) + 1);
      else if (nextWall === oldWall) set(nextWall, counter + 1);
      else if (nextWall === remote.wallMs) set(nextWall, remote.counter + 1);
      else set(nextWall, 0);
      return ok(undefined);
    },

    state(): HlcStamp {
      return { wallMs, counter, deviceId };
    },
  };
}
