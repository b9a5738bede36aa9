/**
 * 党务干部双向交流 (record schema 7, database version 7) travels like every unit record: the unit's
 * postings reach the 工委 in its bundle, where 工委 → 单位 reads them (read-only), a deletion arrives
 * as a tombstone, and a workspace backup restores them unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type TaizhangDb } from './db';
import { createCadreExchange, deleteCadreExchange, type CadreExchangeInput } from './careRepository';
import { unitCadreExchanges } from './queries/cadreExchange';
import { exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';
import { makeBackup } from './backup/makeBackup';
import { restoreBackup } from './backup/restore';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const posting = (more: Partial<CadreExchangeInput> = {}): CadreExchangeInput => ({
  date: '2026-09-01',
  personName: '陈静',
  memberId: null,
  direction: 'toPartyAffairs',
  fromPost: '预算科科员',
  toPost: '机关党委专职副书记',
  vettedOn: '2026-08-20',
  vettingResult: '考察合格，政治强、业务精、作风好',
  note: '',
  ...more,
});

describe('党务干部双向交流 in bundles and backups', () => {
  it('reaches the 工委 in the unit’s bundle, its deletion as a tombstone', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    const into = await must(createCadreExchange(unit, posting()));
    const out = await must(createCadreExchange(unit, posting({ personName: '刘洋', direction: 'toLine', fromPost: '机关党委委员', toPost: '办公室副主任', vettedOn: null, vettingResult: '' })));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });

    const seen = await unitCadreExchanges(committee.db, unitId);
    expect(seen.exchanges.map((x) => ({ ...x })).sort((a, b) => a.personName.localeCompare(b.personName))).toEqual([out, into].sort((a, b) => a.personName.localeCompare(b.personName)));
    // the 工委 only reads them
    expect(await createCadreExchange(committee, posting())).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });

    await must(deleteCadreExchange(unit, out.id));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    expect((await unitCadreExchanges(committee.db, unitId)).exchanges.map((x) => x.personName)).toEqual(['陈静']);
    expect(await committee.db.cadreExchange.get(out.id)).toMatchObject({ deleted: true });
  });

  it('a workspace backup restores the postings unchanged', async () => {
    const { unit } = await enrolledPair(now, opened);
    const saved = await must(createCadreExchange(unit, posting()));
    const passphrase = '我们支部2026年去了井冈山';
    const backup = await must(makeBackup(unit.db, { passphrase, passphraseConfirmation: passphrase, appVersion: '0.1.0-test' }, { logN: 15, now: now() }));
    const target = openDatabase(`test-exchange-restore-${Date.now()}`);
    opened.push(target);
    await must(restoreBackup(target, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase }, { now: now() }));
    expect(await target.cadreExchange.get(saved.id)).toEqual(saved);
  });
});
