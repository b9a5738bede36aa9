/**
 * Encryption at rest over a real IndexedDB (fake-indexeddb): what the app reads and what is on
 * disk. "On disk" is read with a second, plain Dexie connection, which sees the stores exactly as
 * IndexedDB holds them (no middleware).
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { publicKeyFromBase64 } from '../../../shared/bundle/keys';
import { isSealedValue } from '../../../shared/security/fieldCipher';
import { TEST_DATA_KEY } from '../../identity/testing/dataKey';
import { idNumberLookup, lockDataKey, unlockDataKey } from '../../identity/dataKeySession';
import { createCareVisit } from '../careRepository';
import { openDatabase, type TaizhangDb } from '../db';
import { createMember } from '../memberRepository';
import { createOrganisation } from '../organisationRepository';
import { addTestMember, testIdNumber } from '../testing/members';
import { completeSetup } from '../workspaceRepository';
import { openWriteContext, type WriteContext } from '../writeContext';
import { installDataKey, sealExistingFields } from './workspaceUnlock';
import { SCHEMA_VERSION } from '../schema';
import { STORE_CHANGES_BY_VERSION } from '../backup/olderVersions';

const TEST_KEY = TEST_DATA_KEY;
let db: TaizhangDb;
let name = '';
let n = 0;
let ctx: WriteContext;
let orgId = '';

async function onDisk(table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

async function wholeDiskText(): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const parts: string[] = [];
    for (const t of raw.tables) parts.push(JSON.stringify(await t.toArray()));
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

beforeEach(async () => {
  unlockDataKey(TEST_KEY);
  name = `test-at-rest-${++n}`;
  db = openDatabase(name);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 120, partyGroupKind: 'partyGroup' });
  ctx = await openWriteContext(db);
  const org = await createOrganisation(ctx, {
    name: '机关第一党支部', kind: 'branch', parentId: null, foundedOn: '2010-01-01', dissolvedOn: null, termStart: '2024-01-01',
    termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null,
  });
  if (!org.ok) throw new Error(org.error.message);
  orgId = org.value.id;
});
afterEach(async () => {
  unlockDataKey(TEST_KEY);
  db.close();
  await Dexie.delete(name);
});

describe('encryption at rest', () => {
  it('stores ID numbers, phones and 慰问事由 sealed; the app reads them plain', async () => {
    const id = await addTestMember(ctx, orgId, '王芳', 7, { phone: '13912345678' });
    const visit = await createCareVisit(ctx, { date: '2026-11-20', visitedName: '王芳', reason: '术后康复，需定期复查', visitors: '张敏', amountFen: 50000 });
    expect(visit.ok).toBe(true);

    const member = await db.member.get(id);
    expect(member).toMatchObject({ idNumber: testIdNumber(7), phone: '13912345678' });
    expect(member).not.toHaveProperty('idLookup');
    expect((await db.careVisit.toArray())[0]?.reason).toBe('术后康复，需定期复查');

    const [stored] = await onDisk('member');
    expect(isSealedValue(stored?.idNumber)).toBe(true);
    expect(isSealedValue(stored?.phone)).toBe(true);
    expect(typeof stored?.idLookup).toBe('string');
    const disk = await wholeDiskText();
    expect(disk).not.toContain(testIdNumber(7));
    expect(disk).not.toContain('13912345678');
    expect(disk).not.toContain('术后康复');
    // what is not sensitive stays readable (and indexed)
    expect(disk).toContain('王芳');
  });

  it('still refuses a second member with the same ID number (looked up by its keyed hash), also typed in lower case', async () => {
    await addTestMember(ctx, orgId, '王芳', 8);
    const again = await createMember(ctx, {
      name: '王小芳', gender: 'female', ethnicity: '汉族', birthDate: '1985-03-12', idNumber: testIdNumber(8).toLowerCase(), phone: '', joinedOn: '2010-07-01',
      membership: 'full', convertedOn: null, organisationId: orgId, postings: [{ organisationId: orgId, from: '2010-07-01', to: null }],
      status: 'active', statusChangedOn: null, cadre: null, excludedReason: null,
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('王芳');
  });

  it('keeps the device’s secret keys sealed on disk and signs with keys imported again at unlock', async () => {
    const [device] = await onDisk('device');
    expect(typeof device?.sealedKeys).toBe('string');
    expect(device).not.toHaveProperty('signingPrivateKey');
    expect(device).not.toHaveProperty('encryptionPrivateKey');

    // a new window: nothing in memory until the data key is installed
    lockDataKey();
    expect((await db.device.get('device'))?.signingPrivateKey).toBeUndefined();
    await installDataKey(db, TEST_KEY);
    const row = await db.device.get('device');
    expect(row?.signingPrivateKey.extractable).toBe(false);
    const message = new TextEncoder().encode('bundle header');
    const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', row!.signingPrivateKey, message));
    expect(ed25519.verify(signature, message, publicKeyFromBase64(row!.signingPublicKey)!)).toBe(true);
  });

  it('refuses another workspace’s data key, and writes nothing sensitive while locked', async () => {
    await addTestMember(ctx, orgId, '王芳', 9);
    lockDataKey();
    await expect(installDataKey(db, new Uint8Array(32).fill(1))).rejects.toThrow();
    // still locked: a read shows the sealed value, a write of a plain number fails and writes nothing
    const [sealed] = await db.member.toArray();
    expect(isSealedValue(sealed?.idNumber)).toBe(true);
    await expect(db.member.put({ ...sealed!, id: '019bbef3-b000-7000-8000-00000000abcd', idNumber: testIdNumber(10) })).rejects.toThrow();
    expect(await db.member.count()).toBe(1);
  });

  it('a kept-aside losing version (conflicts) is sealed too', async () => {
    const id = await addTestMember(ctx, orgId, '王芳', 11, { phone: '13700001111' });
    const member = await db.member.get(id);
    await db.conflicts.add({ table: 'member', id, keptRev: member!.rev, lostRev: member!.rev, lost: member, at: '2026-12-01T00:00:00.000Z', resolved: false });
    expect((await db.conflicts.toArray())[0]?.lost).toMatchObject({ idNumber: testIdNumber(11), phone: '13700001111' });
    const [stored] = await onDisk('conflicts');
    expect(JSON.stringify(stored)).not.toContain(testIdNumber(11));
    expect(JSON.stringify(stored)).not.toContain('13700001111');
  });
});

describe('a database from before encryption at rest (v5, plain values)', () => {
  it('is sealed at the first unlock, in one go, and reads and finds the same members as before', async () => {
    const old = `test-at-rest-v5-${++n}`;
    const v5 = new Dexie(old);
    STORE_CHANGES_BY_VERSION.slice(0, 5).forEach((changes, i) => v5.version(i + 1).stores(changes));
    await v5.open();
    // copy today's rows in, opened: as a v5 database held them
    const members = await db.member.toArray();
    await addTestMember(ctx, orgId, '李强', 12, { phone: '13611112222' });
    const all = await db.member.toArray();
    expect(all.length).toBeGreaterThan(members.length);
    await v5.table('member').bulkAdd(all);
    await v5.table('careVisit').add({ id: '019bbef3-b000-7000-8000-000000000003', unitId: 'u', rev: 'r', deleted: false, date: '2026-11-20', visitedName: '李强', reason: '住院', visitors: '', amountFen: 0 });
    v5.close();
    expect(JSON.stringify(await new Dexie(old).open().then(async (d) => { const rows = await d.table('member').toArray(); d.close(); return rows; }))).toContain('13611112222');

    const upgraded = openDatabase(old);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    await upgraded.keyring.put({ key: 'dataKey', protection: 'passphrase', wrapped: '{}', check: '', createdAt: '2026-12-06T00:00:00.000Z', changedAt: null, fieldsSealed: false });
    expect(await sealExistingFields(upgraded)).toBe(all.length + 1);
    expect((await upgraded.keyring.get('dataKey'))?.fieldsSealed).toBe(true);
    expect(await upgraded.member.toArray()).toEqual(all);
    const raw = new Dexie(old);
    await raw.open();
    const text = JSON.stringify(await raw.table('member').toArray()) + JSON.stringify(await raw.table('careVisit').toArray());
    raw.close();
    expect(text).not.toContain('13611112222');
    expect(text).not.toContain(testIdNumber(12));
    expect(text).not.toContain('住院');
    // the duplicate check's look-up finds the upgraded member by the keyed hash
    expect(await upgraded.member.where('idLookup').equals(idNumberLookup(testIdNumber(12))).count()).toBe(1);
    upgraded.close();
    await Dexie.delete(old);
  });
});
