import { describe, expect, it } from 'vitest';
import { parseCanonical } from './canonical';
import { openWithPassphrase, sealWithPassphrase } from './passphrase';
import { encodeUtf8 } from './utf8';

const secret = Uint8Array.from({ length: 64 }, (_, i) => i * 3);

async function seal(passphrase: string, logN = 15): Promise<Uint8Array> {
  const r = await sealWithPassphrase(secret, passphrase, { logN });
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
}

describe('passphrase-sealed secrets (committee key backup)', () => {
  it('round-trips with the default strong parameters (scrypt N = 2^17)', async () => {
    const r = await sealWithPassphrase(secret, '工委密钥备份 2026！');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const file = parseCanonical(r.value);
    expect(file.ok && file.value).toMatchObject({ format: 'taizhang-sealed-secret', kdf: { alg: 'scrypt', logN: 17, r: 8, p: 1 }, purpose: 'committee-key-backup' });
    expect(new TextDecoder().decode(r.value)).not.toContain('工委密钥备份');
    const opened = await openWithPassphrase(r.value, '工委密钥备份 2026！');
    expect(opened).toEqual({ ok: true, value: { secret, purpose: 'committee-key-backup' } });
  }, 30_000);

  it('refuses a wrong passphrase with a Chinese message', async () => {
    const file = await seal('correct horse battery');
    const r = await openWithPassphrase(file, 'correct horse battery!');
    expect(r).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase', message: expect.stringContaining('口令不正确') } });
  });

  it('normalises the passphrase (NFC), so the same text typed differently opens it', async () => {
    const file = await seal('caf\u00e9-passphrase');
    expect((await openWithPassphrase(file, 'cafe\u0301-passphrase')).ok).toBe(true);
  });

  it('refuses weak passphrases, altered files and out-of-range costs', async () => {
    expect(await sealWithPassphrase(secret, 'short')).toMatchObject({ ok: false, error: { kind: 'weak-passphrase' } });
    const file = await seal('a long enough passphrase');
    const text = new TextDecoder().decode(file);
    const altered = encodeUtf8(text.replace('"purpose":"committee-key-backup"', '"purpose":"something-else"'));
    expect(await openWithPassphrase(altered, 'a long enough passphrase')).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    const bomb = encodeUtf8(text.replace('"logN":15', '"logN":30'));
    expect(await openWithPassphrase(bomb, 'a long enough passphrase')).toMatchObject({ ok: false, error: { kind: 'not-a-key-backup' } });
    expect(await openWithPassphrase(encodeUtf8('{"hello":1}'), 'x')).toMatchObject({ ok: false, error: { kind: 'not-a-key-backup' } });
    expect(await openWithPassphrase(encodeUtf8(`{"__proto__":{}}`), 'x')).toMatchObject({ ok: false, error: { kind: 'not-a-key-backup' } });
  });
});
