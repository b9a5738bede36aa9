import { describe, expect, it } from 'vitest';
import { newKeyring, openKeyringWithKeystore, openKeyringWithPassphrase, rewrapWithPassphrase } from './keyring';

const NOW = new Date('2026-12-06T08:00:00Z');
const FAST = { logN: 15 }; // the reader's minimum, to keep the test quick; the app uses 17

/** The OS keystore as the renderer sees it through the bridge: a reversible wrap this test can also refuse. */
function keystore() {
  const held = new Map<string, Uint8Array>();
  return {
    protectDataKey: (key: Uint8Array) => {
      const token = `wrapped-${held.size}`;
      held.set(token, key.slice());
      return Promise.resolve(token);
    },
    unprotectDataKey: (wrapped: string) => Promise.resolve(held.get(wrapped)?.slice() ?? null),
  };
}

describe('the data key’s keyring', () => {
  it('wraps a new data key under the 开机口令 and opens it with the same one only, in words otherwise', async () => {
    const made = await newKeyring({ kind: 'passphrase', passphrase: '市财政局台账2026' }, keystore(), NOW, FAST);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.row).toMatchObject({ key: 'dataKey', protection: 'passphrase', fieldsSealed: true, createdAt: NOW.toISOString() });
    expect(made.value.row.wrapped).not.toContain('市财政局台账2026');
    const opened = await openKeyringWithPassphrase(made.value.row, '市财政局台账2026');
    expect(opened).toEqual({ ok: true, value: made.value.dataKey });
    const wrong = await openKeyringWithPassphrase(made.value.row, '市财政局台账2025');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('开机口令不正确');
  });

  it('refuses a 开机口令 shorter than 8 characters in words', async () => {
    const made = await newKeyring({ kind: 'passphrase', passphrase: '1234567' }, keystore(), NOW, FAST);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toContain('至少需要8个字符');
  });

  it('changes the 开机口令 without changing the data key; the old one no longer opens it', async () => {
    const made = await newKeyring({ kind: 'passphrase', passphrase: 'old-passphrase' }, keystore(), NOW, FAST);
    if (!made.ok) throw new Error(made.error.message);
    const mismatch = await rewrapWithPassphrase(made.value.row, 'old-passphrase', 'new-passphrase', 'new-passphrasX', NOW, FAST);
    expect(mismatch.ok).toBe(false);
    const wrongOld = await rewrapWithPassphrase(made.value.row, 'not-the-old-one', 'new-passphrase', 'new-passphrase', NOW, FAST);
    expect(wrongOld.ok).toBe(false);
    const changed = await rewrapWithPassphrase(made.value.row, 'old-passphrase', 'new-passphrase', 'new-passphrase', NOW, FAST);
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value.changedAt).toBe(NOW.toISOString());
    expect(await openKeyringWithPassphrase(changed.value, 'new-passphrase')).toEqual({ ok: true, value: made.value.dataKey });
    expect((await openKeyringWithPassphrase(changed.value, 'old-passphrase')).ok).toBe(false);
  });

  it('keeps the data key with the OS keystore; a keystore that cannot open it, or opens another key, is refused in words', async () => {
    const store = keystore();
    const made = await newKeyring({ kind: 'os' }, store, NOW);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.row.protection).toBe('os');
    expect(await openKeyringWithKeystore(made.value.row, store)).toEqual({ ok: true, value: made.value.dataKey });
    const refused = await openKeyringWithKeystore(made.value.row, keystore());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('请从备份文件恢复');
    const other = await openKeyringWithKeystore(made.value.row, { unprotectDataKey: () => Promise.resolve(new Uint8Array(32).fill(9)) });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.kind).toBe('wrong-data-key');
    const none = await newKeyring({ kind: 'os' }, { protectDataKey: () => Promise.resolve(null) }, NOW);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('开机口令');
  });
});
