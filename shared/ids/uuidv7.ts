/**
 * UUIDv7 ids (RFC 9562 §5.7): 48-bit Unix time in ms, version 7, 12 bits `rand_a`, variant 0b10,
 * 62 bits `rand_b`.
 *
 * `rand_a` is used as a dedicated counter (RFC 9562 §6.2, method 1) so that ids made in the same
 * millisecond by one generator still sort in creation order. The counter starts each new
 * millisecond at a random value in [0, 2047] (the top bit is left clear to leave room), and when it
 * would pass 4095 the timestamp is moved 1 ms ahead of the clock (RFC 9562 §6.2 allows this). A
 * clock that jumps back does not move ids back: the generator keeps the highest time it has used.
 *
 * Ids are written in lower case; `isUuidV7` accepts lower case only, so an id has exactly one
 * spelling and string equality is id equality.
 */
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { BugError } from '../errors/errors';

const MAX_TIMESTAMP = 2 ** 48 - 1;
const MAX_COUNTER = 0xfff;
const COUNTER_START_MAX = 0x7ff;

const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface UuidV7GeneratorOptions {
  /** Milliseconds since the Unix epoch; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Cryptographically random bytes; defaults to `randomBytes` of @noble/hashes. */
  readonly random?: (length: number) => Uint8Array;
}

/** A generator with its own monotonic state; `newId` uses one shared default generator. */
export function createUuidV7Generator(options: UuidV7GeneratorOptions = {}): () => string {
  const now = options.now ?? Date.now;
  const random = options.random ?? randomBytes;
  let lastMs = -1;
  let counter = 0;

  return function next(): string {
    const wall = Math.floor(now());
    if (!Number.isFinite(wall) || wall < 0 || wall > MAX_TIMESTAMP) {
      throw new BugError(`uuidv7: clock returned an impossible time ${String(wall)}`);
    }
    const bytes = random(10);
    if (bytes.length !== 10) throw new BugError('uuidv7: random source returned the wrong length');

    if (wall > lastMs) {
      lastMs = wall;
      counter = (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) & COUNTER_START_MAX;
    } else if (counter < MAX_COUNTER) {
      counter += 1;
    } else {
      if (lastMs >= MAX_TIMESTAMP) throw new BugError('uuidv7: timestamp space exhausted');
      lastMs += 1;
      counter = (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) & COUNTER_START_MAX;
    }

    const out = new Uint8Array(16);
    // 48-bit big-endian timestamp (2^48 does not fit in 32-bit bitwise ops: split it).
    const high = Math.floor(lastMs / 2 ** 16);
    const low = lastMs % 2 ** 16;
    out[0] = (high >>> 24) & 0xff;
    out[1] = (high >>> 16) & 0xff;
    out[2] = (high >>> 8) & 0xff;
    out[3] = high & 0xff;
    out[4] = (low >>> 8) & 0xff;
    out[5] = low & 0xff;
    out[6] = 0x70 | (counter >>> 8);
    out[7] = counter & 0xff;
    out[8] = 0x80 | ((bytes[2] ?? 0) & 0x3f);
    out.set(bytes.subarray(3, 10), 9);

    const hex = bytesToHex(out);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

const defaultGenerator = createUuidV7Generator();

/** A new time-ordered UUIDv7 for a record made on this device. */
export function newId(): string {
  return defaultGenerator();
}

/** True for a lower-case RFC 9562 UUID of version 7 with the RFC variant. */
export function isUuidV7(s: unknown): s is string {
  return typeof s === 'string' && UUID_V7_PATTERN.test(s);
}

/**
 * The creation time (ms since the Unix epoch) carried in a UUIDv7. Throws `BugError` for a string
 * that is not a UUIDv7: check untrusted input with `isUuidV7` (or the record schemas) first.
 */
export function uuidV7Time(id: string): number {
  if (!isUuidV7(id)) throw new BugError('uuidV7Time: not a UUIDv7');
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
