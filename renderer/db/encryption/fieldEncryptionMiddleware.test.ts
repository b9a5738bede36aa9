import { describe, expect, it } from 'vitest';
import { openingCursor } from './fieldEncryptionMiddleware';

/**
 * A cursor like the browser's IDBCursorWithValue: its key, primaryKey and value are getters that
 * work only when called on the cursor itself (a private field stands for the browser's brand
 * check, which fake-indexeddb does not make).
 */
class BrandedCursor {
  readonly #key = 'k1';
  readonly #primaryKey = 'p1';
  readonly #value = { id: 'p1', idNumber: 'tz1:sealed' };
  get key() {
    return this.#key;
  }
  get primaryKey() {
    return this.#primaryKey;
  }
  get value() {
    return this.#value;
  }
  continue() {}
}

describe('the opening cursor', () => {
  it('opens the value and passes key and primaryKey through without calling a browser getter on another object', () => {
    const cursor = openingCursor(new BrandedCursor(), (v) => ({ ...(v as object), idNumber: 'opened' }));
    expect(cursor.key).toBe('k1');
    expect(cursor.primaryKey).toBe('p1');
    expect(cursor.value).toEqual({ id: 'p1', idNumber: 'opened' });
    // the same position is opened once
    expect(cursor.value).toBe(cursor.value);
  });
});
