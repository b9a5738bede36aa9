import { describe, expect, it } from 'vitest';
import { isExpectedFailure } from '../shared/errors/errors';
import { IPC_CONTRACT } from '../shared/ipc/contract';
import { dataKeyProtection, protectDataKey, unprotectDataKey, type KeystoreLike } from './dataKeyProtection';

const MAGIC = Buffer.from('v10');

/** A test double for the OS keystore: a “v10” prefix and the text XOR-ed with a per-keystore byte. */
function fakeKeystore(options: { available?: boolean; backend?: string; mask?: number; decryptThrows?: boolean } = {}): KeystoreLike {
  const mask = options.mask ?? 0x5a;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text) => Buffer.concat([MAGIC, Buffer.from(text, 'utf8').map((b) => b ^ mask)]),
    decryptString: (encrypted) => {
      if (options.decryptThrows) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      if (!encrypted.subarray(0, 3).equals(MAGIC)) throw new Error('not a safeStorage ciphertext');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ mask)).toString('utf8');
    },
  };
}

const key = () => Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 0xff);

describe('dataKeyProtection', () => {
  it('is available on Windows (DPAPI) and on Linux with a real keyring', () => {
    expect(dataKeyProtection(fakeKeystore({ backend: 'unknown' }), 'win32')).toEqual({ available: true });
    expect(dataKeyProtection(fakeKeystore({ backend: 'gnome_libsecret' }), 'linux')).toEqual({ available: true });
    expect(dataKeyProtection(fakeKeystore({ backend: 'kwallet5' }), 'linux')).toEqual({ available: true });
  });

  it.each(['basic_text', 'unknown'])('is refused on Linux with the %s backend (no keyring, a fixed key)', (backend) => {
    expect(dataKeyProtection(fakeKeystore({ backend }), 'linux')).toEqual({
      available: false,
      reason: '本机系统未提供密钥保管（钥匙环），请设置开机口令',
    });
  });

  it('is refused when the keystore says encryption is not available', () => {
    const r = dataKeyProtection(fakeKeystore({ available: false }), 'win32');
    expect(r).toEqual({ available: false, reason: '本机系统密钥保管暂不可用，请设置开机口令' });
  });

  it('answers within the contract', () => {
    const schema = IPC_CONTRACT['datakey:protection'].result;
    expect(schema.safeParse(dataKeyProtection(fakeKeystore(), 'win32')).success).toBe(true);
    expect(schema.safeParse(dataKeyProtection(fakeKeystore({ backend: 'basic_text' }), 'linux')).success).toBe(true);
  });
});

describe('protectDataKey / unprotectDataKey', () => {
  it.each(['win32', 'linux'] as const)('round-trips a 32-byte key on %s', (platform) => {
    const keystore = fakeKeystore();
    const wrapped = protectDataKey(keystore, platform, key());
    expect(wrapped).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(IPC_CONTRACT['datakey:protect'].result.safeParse(wrapped).success).toBe(true);
    const back = unprotectDataKey(keystore, platform, wrapped!);
    expect(back).toEqual(key());
    expect(IPC_CONTRACT['datakey:unprotect'].result.safeParse(back).success).toBe(true);
  });

  it.each([
    ['31 bytes', new Uint8Array(31)],
    ['33 bytes', new Uint8Array(33)],
    ['no bytes', new Uint8Array(0)],
  ])('refuses a key of %s', (_what, wrong) => {
    let thrown: unknown;
    try {
      protectDataKey(fakeKeystore(), 'win32', wrong);
    } catch (e) {
      thrown = e;
    }
    expect(isExpectedFailure(thrown) && thrown.error.kind).toBe('data-key-invalid');
    expect(isExpectedFailure(thrown) && thrown.error.message).toMatch(/32 字节/);
  });

  it('returns null instead of wrapping when the host has no real keystore', () => {
    expect(protectDataKey(fakeKeystore({ backend: 'basic_text' }), 'linux', key())).toBeNull();
    expect(protectDataKey(fakeKeystore({ available: false }), 'win32', key())).toBeNull();
  });

  it('returns null for a corrupt or foreign wrapped key', () => {
    const keystore = fakeKeystore();
    const wrapped = protectDataKey(keystore, 'win32', key())!;
    expect(unprotectDataKey(keystore, 'win32', 'AAAA')).toBeNull(); // not a ciphertext
    expect(unprotectDataKey(keystore, 'win32', 'not base64!')).toBeNull();
    expect(unprotectDataKey(keystore, 'win32', '')).toBeNull();
    expect(unprotectDataKey(keystore, 'win32', 'A'.repeat(4100))).toBeNull();
    // decrypts, but not to base64 of 32 bytes
    expect(unprotectDataKey(keystore, 'win32', keystore.encryptString('secret').toString('base64'))).toBeNull();
    expect(unprotectDataKey(keystore, 'win32', keystore.encryptString(Buffer.alloc(16).toString('base64')).toString('base64'))).toBeNull();
    // another user's keystore decrypts to garbage
    expect(unprotectDataKey(fakeKeystore({ mask: 0x33 }), 'win32', wrapped)).toBeNull();
  });

  it('returns null when the keystore throws while decrypting (another user/PC, keyring reset)', () => {
    const wrapped = protectDataKey(fakeKeystore(), 'linux', key())!;
    expect(unprotectDataKey(fakeKeystore({ decryptThrows: true }), 'linux', wrapped)).toBeNull();
  });

  it('returns null when the keystore has since become unavailable', () => {
    const wrapped = protectDataKey(fakeKeystore(), 'linux', key())!;
    expect(unprotectDataKey(fakeKeystore({ backend: 'basic_text' }), 'linux', wrapped)).toBeNull();
  });
});
