/**
 * The portable form of a database row (docs/backup-format.md §3): plain JSON that says exactly what
 * IndexedDB held, including what JSON alone cannot — `undefined` members, NaN/±Infinity/−0, binary
 * data. Such values become tagged objects `{"$t": <tag>, …}`; an object of the data that happens to
 * have a `$t` member of its own is wrapped as `{"$t":"obj","v":{…}}`, so decoding is unambiguous.
 *
 * Binary values (Blobs in the renderer) are not encoded here: the caller's `other` hook turns them
 * into `{"$t":"blob","sha256","type","size"}` and keeps the bytes aside (the backup stores each file
 * once, by its SHA-256). shared/ knows no Blob type.
 *
 * `canonicalText` writes a portable value as exactly one string: object members sorted by key
 * (UTF-16 order), no whitespace, strings and numbers as `JSON.stringify` writes them (ECMAScript's
 * shortest round-trip form, so a float is read back as the same double).
 */
import { BugError } from '../errors/errors';
import { FORBIDDEN_JSON_KEYS } from '../bundle/json';

export type Portable = null | boolean | string | number | Portable[] | { [key: string]: Portable };
export type PortableObject = { [key: string]: Portable };

export const TAG = '$t';

/** A blob reference in a row: the bytes are stored once under their SHA-256. */
export interface BlobTag {
  readonly sha256: string;
  readonly type: string;
  readonly size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function numberToPortable(n: number): Portable {
  if (Number.isNaN(n)) return { [TAG]: 'num', v: 'NaN' };
  if (n === Infinity) return { [TAG]: 'num', v: 'Infinity' };
  if (n === -Infinity) return { [TAG]: 'num', v: '-Infinity' };
  if (Object.is(n, -0)) return { [TAG]: 'num', v: '-0' };
  return n;
}

/**
 * A stored value → its portable form. `other` handles what is neither JSON-like nor one of the
 * tagged kinds (a Blob, say) and returns undefined for what it cannot handle either: that is a bug
 * (a store holding a kind of value the backup does not know), thrown so a test notices it.
 */
export function toPortable(value: unknown, other: (value: object) => Portable | undefined, where = 'value', depth = 0): Portable {
  if (depth > 64) throw new BugError(`backup: ${where} nested too deeply`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return { [TAG]: 'undef' };
  if (typeof value === 'number') return numberToPortable(value);
  if (typeof value !== 'object') throw new BugError(`backup: ${where} holds a ${typeof value}`);
  if (Array.isArray(value)) {
    const out: Portable[] = [];
    for (let i = 0; i < value.length; i += 1) out.push(toPortable(value[i], other, where, depth + 1));
    return out;
  }
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  if (isPlainObject(value)) {
    const out: PortableObject = {};
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_JSON_KEYS.includes(key)) throw new BugError(`backup: ${where} has a member named ${key}`);
      out[key] = toPortable(value[key], other, where, depth + 1);
    }
    return Object.hasOwn(out, TAG) ? { [TAG]: 'obj', v: out } : out;
  }
  const handled = other(value);
  if (handled === undefined) throw new BugError(`backup: ${where} holds a ${Object.prototype.toString.call(value)} the backup cannot store`);
  return handled;
}

/** The blob tag of a portable value, or null when it is not one (or a malformed one). */
export function blobTagOf(value: Portable): BlobTag | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value[TAG] !== 'blob') return null;
  const { sha256, type, size } = value;
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256) || typeof type !== 'string' || type.length > 200) return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return null;
  if (Object.keys(value).length !== 4) return null;
  return { sha256, type, size };
}

export function blobTag(tag: BlobTag): Portable {
  return { [TAG]: 'blob', sha256: tag.sha256, type: tag.type, size: tag.size };
}

/** Why a portable value (from a file) is malformed, or null. Iterative: hostile nesting cannot exhaust the stack. */
export function portableProblem(root: unknown): string | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'a number that JSON cannot hold';
      continue;
    }
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
      continue;
    }
    if (!isPlainObject(value)) return 'not JSON';
    if (!Object.hasOwn(value, TAG)) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_JSON_KEYS.includes(key)) return `forbidden key "${key}"`;
        stack.push(value[key]);
      }
      continue;
    }
    const tag = value[TAG];
    const keys = Object.keys(value).length;
    if (tag === 'undef') {
      if (keys !== 1) return 'malformed undef tag';
    } else if (tag === 'num') {
      if (keys !== 2 || !['NaN', 'Infinity', '-Infinity', '-0'].includes(value.v as string)) return 'malformed number tag';
    } else if (tag === 'date') {
      if (keys !== 2 || typeof value.v !== 'string' || Number.isNaN(Date.parse(value.v))) return 'malformed date tag';
    } else if (tag === 'blob') {
      if (blobTagOf(value as Portable) === null) return 'malformed blob tag';
    } else if (tag === 'obj') {
      if (keys !== 2 || !isPlainObject(value.v) || !Object.hasOwn(value.v, TAG)) return 'malformed obj tag';
      for (const key of Object.keys(value.v)) {
        if (FORBIDDEN_JSON_KEYS.includes(key)) return `forbidden key "${key}"`;
        stack.push(value.v[key]);
      }
    } else {
      return 'unknown tag';
    }
  }
  return null;
}

/**
 * A checked portable value (see `portableProblem`) → the stored value; `blob` makes the value a
 * blob tag stands for (the renderer: a Blob of the stored bytes).
 */
export function fromPortable(value: Portable, blob: (tag: BlobTag) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => fromPortable(v, blob));
  const tag = value[TAG];
  if (tag === undefined) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = fromPortable(value[key] as Portable, blob);
    return out;
  }
  switch (tag) {
    case 'undef':
      return undefined;
    case 'num':
      return value.v === '-0' ? -0 : Number(value.v);
    case 'date':
      return new Date(value.v as string);
    case 'blob': {
      const t = blobTagOf(value);
      if (!t) throw new BugError('backup: fromPortable on an unchecked blob tag');
      return blob(t);
    }
    case 'obj': {
      const inner = value.v as PortableObject;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(inner)) out[key] = fromPortable(inner[key] as Portable, blob);
      return out;
    }
    default:
      throw new BugError('backup: fromPortable on an unchecked tag');
  }
}

/** Every blob tag in a portable value. */
export function blobTagsIn(root: Portable, into: BlobTag[] = []): BlobTag[] {
  const stack: Portable[] = [root];
  while (stack.length > 0) {
    const value = stack.pop() as Portable;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const tag = blobTagOf(value);
    if (tag) {
      into.push(tag);
      continue;
    }
    for (const key of Object.keys(value)) stack.push(value[key] as Portable);
  }
  return into;
}

/** The one text of a portable value: sorted keys, no whitespace. */
export function canonicalText(value: Portable): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalText(value[k] as Portable)}`).join(',')}}`;
}
