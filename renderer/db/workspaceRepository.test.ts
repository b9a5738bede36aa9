import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TaizhangDb } from './db';
import { completeSetup, getWorkspace, setLedgerStart, updateUnitInfo } from './workspaceRepository';
import { ledgerStart } from './queries/workspace';
import { openWriteContext } from './writeContext';

const VALID_CODE = '11410100MB1234567W';
let db: TaizhangDb;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`test-setup-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('first-start setup', () => {
  it('records a unit and creates the device identity with non-extractable keys', async () => {
    const r = await completeSetup(db, { mode: 'unit', name: ' 市财政局 ', creditCode: '11410100mb1234567w', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
    expect(r.ok).toBe(true);
    const ws = await getWorkspace(db);
    expect(ws).toMatchObject({ mode: 'unit', name: '市财政局', creditCode: VALID_CODE, staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
    const device = await db.device.get('device');
    expect(device?.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(device?.signingPrivateKey.extractable).toBe(false);
    expect(device?.signingPrivateKey.algorithm.name).toBe('Ed25519');
    expect(device?.encryptionPrivateKey.algorithm.name).toBe('X25519');
    // the stored private key still signs, and the stored public key verifies it
    const data = new TextEncoder().encode('台账');
    const sig = await crypto.subtle.sign('Ed25519', device!.signingPrivateKey, data);
    const pub = await crypto.subtle.importKey('raw', Uint8Array.from(atob(device!.signingPublicKey), (c) => c.charCodeAt(0)), 'Ed25519', false, ['verify']);
    expect(await crypto.subtle.verify('Ed25519', pub, sig, data)).toBe(true);
  });

  it('records a committee with only its name', async () => {
    const r = await completeSetup(db, { mode: 'committee', name: '中共示范市委直属机关工作委员会' });
    expect(r.ok).toBe(true);
    expect(await getWorkspace(db)).toMatchObject({ mode: 'committee', creditCode: null, staffCount: null, partyGroupKind: null });
  });

  it.each([
    [{ mode: 'unit', name: '市', creditCode: VALID_CODE, staffCount: 10, partyGroupKind: 'partyGroup' }, ['name'], '单位名称至少 2 个字'],
    [{ mode: 'unit', name: '市财政局', creditCode: '11410100MB12345670', staffCount: 10, partyGroupKind: 'partyGroup' }, ['creditCode'], '统一社会信用代码校验位不正确'],
    [{ mode: 'unit', name: '市财政局', creditCode: VALID_CODE, staffCount: 0, partyGroupKind: 'partyGroup' }, ['staffCount'], '机关工作人员总数至少为 1'],
    [{ mode: 'unit', name: '市财政局', creditCode: VALID_CODE, staffCount: 12.5, partyGroupKind: 'partyGroup' }, ['staffCount'], '机关工作人员总数应为整数'],
    [{ mode: 'committee', name: '' }, ['name'], '工委名称至少 2 个字'],
  ] as const)('refuses invalid input with a Chinese message on the field (%#)', async (input, path, message) => {
    const r = await completeSetup(db, input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.path).toEqual(path);
      expect(r.error.message).toContain(message);
    }
    expect(await getWorkspace(db)).toBeNull();
    expect(await db.device.count()).toBe(0);
  });

  it('cannot be done twice, and the first setup stays', async () => {
    await completeSetup(db, { mode: 'committee', name: '中共示范市委直属机关工作委员会' });
    const device = await db.device.get('device');
    const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: VALID_CODE, staffCount: 5, partyGroupKind: 'partyGroup' });
    expect(!r.ok && r.error.kind).toBe('already-set-up');
    expect(await getWorkspace(db)).toMatchObject({ mode: 'committee' });
    expect((await db.device.get('device'))?.deviceId).toBe(device?.deviceId);
  });
});

describe('设置 → 修改单位信息', () => {
  const OTHER_CODE = '91110000100000000R'; // another valid code
  const setUp = () => completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: VALID_CODE, staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });

  it('corrects name, code, staff count and 党组/党委 in the workspace and in the unit record that travels, with an audited revision', async () => {
    await setUp();
    const ctx = await openWriteContext(db);
    const before = await db.unit.get(ctx.ownerId);
    const r = await updateUnitInfo(ctx, { name: ' 市财政局（市国资委） ', creditCode: OTHER_CODE.toLowerCase(), staffCount: 192, partyGroupKind: 'partyCommittee' });
    expect(r.ok).toBe(true);
    expect(await getWorkspace(db)).toMatchObject({ name: '市财政局（市国资委）', creditCode: OTHER_CODE, staffCount: 192, partyGroupKind: 'partyCommittee', operatorName: '张敏' });
    const unit = await db.unit.get(ctx.ownerId);
    expect(unit).toMatchObject({ name: '市财政局（市国资委）', creditCode: OTHER_CODE, staffCount: 192, partyGroupKind: 'partyCommittee' });
    expect(unit?.rev).not.toBe(before?.rev);
    // the change is in the change log (the next bundle carries it) and in the audit trail
    expect((await db.changes.toArray()).filter((c) => c.table === 'unit').map((c) => c.rev)).toContain(unit?.rev);
    expect((await db.audit.toArray()).some((a) => a.table === 'unit' && a.action === 'update')).toBe(true);
  });

  it('refuses bad input on the field, in Chinese, and changes nothing', async () => {
    await setUp();
    const ctx = await openWriteContext(db);
    const r = await updateUnitInfo(ctx, { name: '市财政局', creditCode: VALID_CODE, staffCount: undefined, partyGroupKind: 'partyGroup' });
    expect(!r.ok && r.error).toMatchObject({ kind: 'validation', path: ['staffCount'], message: '请填写机关工作人员总数' });
    const bad = await updateUnitInfo(ctx, { name: '市财政局', creditCode: '11410100MB1234567X', staffCount: 180, partyGroupKind: 'partyGroup' });
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'validation', path: ['creditCode'] });
    expect(await getWorkspace(db)).toMatchObject({ creditCode: VALID_CODE, staffCount: 180 });
  });

  it('keeps the credit code the 工委 enrolled the unit under, and says what to do', async () => {
    await setUp();
    const ctx = await openWriteContext(db);
    await db.syncPeer.put({ peerId: 'committee-1', role: 'committee', name: '中共示范市委直属机关工委', signingPublicKey: null, encryptionPublicKey: null, deviceId: null, enrolledAt: '2026-01-05T00:00:00.000Z', sent: [], lastReceipt: null, lastBundle: null });
    const r = await updateUnitInfo(ctx, { name: '市财政局', creditCode: OTHER_CODE, staffCount: 180, partyGroupKind: 'partyGroup' });
    expect(!r.ok && r.error.kind).toBe('credit-code-locked');
    expect(!r.ok && r.error.message).toContain('请联系工委核对后重新办理纳管登记');
    expect((await db.unit.get(ctx.ownerId))?.creditCode).toBe(VALID_CODE);
    // the other facts can still be corrected after enrolment
    const staff = await updateUnitInfo(ctx, { name: '市财政局', creditCode: VALID_CODE, staffCount: 200, partyGroupKind: 'partyGroup' });
    expect(staff.ok).toBe(true);
    expect(await getWorkspace(db)).toMatchObject({ staffCount: 200, creditCode: VALID_CODE });
  });

  it('is refused in committee mode', async () => {
    await completeSetup(db, { mode: 'committee', name: '中共示范市委直属机关工作委员会' });
    const r = await updateUnitInfo(await openWriteContext(db), { name: '市财政局', creditCode: VALID_CODE, staffCount: 1, partyGroupKind: 'partyGroup' });
    expect(!r.ok && r.error.kind).toBe('wrong-mode');
  });
});

describe('设置 → 台账起始日期', () => {
  const setUp = () => completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: VALID_CODE, staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });

  it('is set, read back, audited and cleared; nothing of it travels to the committee', async () => {
    await setUp();
    const ctx = await openWriteContext(db);
    expect(await ledgerStart(db)).toBeNull();
    const changesBefore = await db.changes.count();
    expect((await setLedgerStart(ctx, '2026-10-01', '2026-12-06')).ok).toBe(true);
    expect(await ledgerStart(db)).toBe('2026-10-01');
    expect((await db.audit.toArray()).map((a) => a.note)).toContain('台账起始日期设为 2026-10-01');
    expect(await db.changes.count()).toBe(changesBefore); // a setting of this PC, not a record
    expect((await setLedgerStart(ctx, null, '2026-12-06')).ok).toBe(true);
    expect(await ledgerStart(db)).toBeNull();
  });

  it('refuses a day after today, before 2000 or not a day, on the field, and keeps what was set', async () => {
    await setUp();
    const ctx = await openWriteContext(db);
    await setLedgerStart(ctx, '2026-10-01', '2026-12-06');
    for (const [date, message] of [['2026-12-07', '台账起始日期不能晚于今天'], ['1999-12-31', '台账起始日期不能早于2000年'], ['2026-02-30', '请选择有效的日期']] as const) {
      const r = await setLedgerStart(ctx, date, '2026-12-06');
      expect(!r.ok && r.error).toMatchObject({ kind: 'validation', message, path: ['ledgerStartedOn'] });
    }
    expect(await ledgerStart(db)).toBe('2026-10-01');
  });

  it('is refused in committee mode, and a committee reads none', async () => {
    await completeSetup(db, { mode: 'committee', name: '中共示范市委直属机关工作委员会' });
    const r = await setLedgerStart(await openWriteContext(db), '2026-10-01', '2026-12-06');
    expect(!r.ok && r.error.kind).toBe('wrong-mode');
    expect(await ledgerStart(db)).toBeNull();
  });
});
