/**
 * Another PC of the unit (a reinstall, or a second PC) numbers its bundles from 1 again. After the
 * committee re-enrols it, its first bundle restarts the unit's receipt; and a unit PC takes a receipt
 * only for a bundle it sent itself (same sequence AND bundle id), so a receipt meant for the other PC
 * can never mark this PC's unsent changes as received.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TaizhangDb } from '../db';
import { updateRecord } from '../recordRepository';
import { openWriteContext } from '../writeContext';
import { acceptEnrolment, enrolmentFileFor, reEnrolUnit } from './enrolment';
import { parseEnrolmentFile } from './enrolmentFile';
import { exportReturnBundle, exportUnitBundle } from './exportBundle';
import { enrolledPair, importInto, must, testClock } from './testing/syncTestPair';
import { freshSide } from './testing/testSupport';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('a second PC of the unit', () => {
  it('restarts the receipt at its first bundle, and takes only receipts for bundles it sent', async () => {
    const { committee, unit: pcOne, unitId, orgId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(pcOne, {}))).bytes, { confirm: true });
    await must(updateRecord(pcOne, 'organisation', orgId, { name: '机关第一党支部' }));
    await importInto(committee, (await must(exportUnitBundle(pcOne, {}))).bytes);
    expect((await committee.db.receipt.toArray())[0]).toMatchObject({ highestSequence: 2 });

    const two = await freshSide('unit', now);
    opened.push(two.db);
    const file = parseEnrolmentFile((await must(enrolmentFileFor(committee, unitId))).bytes);
    if (!file.ok) throw new Error(file.error.message);
    await must(acceptEnrolment(two.db, file.value));
    const pcTwo = await openWriteContext(two.db, now);
    const first = await must(exportUnitBundle(pcTwo, {}));
    expect(first.header.sequence).toBe(1);
    await must(reEnrolUnit(committee, unitId));
    await importInto(committee, first.bytes, { confirm: true });
    expect((await committee.db.receipt.toArray())[0]).toMatchObject({ highestSequence: 1, bundleId: first.header.bundleId });
    expect(await committee.db.syncPeer.get(unitId)).toMatchObject({ lastBundle: { sequence: 1, bundleId: first.header.bundleId } });

    // the receipt reaches PC two: it acknowledges PC two's bundle 1
    const back = await must(exportReturnBundle(committee, unitId));
    const peer = (await two.db.syncPeer.toArray())[0]!;
    // …unless PC two's bundle 1 were another bundle than the one received: then the receipt is not its own
    await two.db.syncPeer.update(peer.peerId, { sent: peer.sent.map((s) => ({ ...s, bundleId: '019bbef3-b000-7000-8000-000000000000' })) });
    await importInto(pcTwo, back.bytes);
    expect((await two.db.syncPeer.get(peer.peerId))!.lastReceipt).toBeNull();
    await two.db.importLog.clear();
    await two.db.syncPeer.update(peer.peerId, { sent: peer.sent });
    await importInto(pcTwo, back.bytes);
    expect((await two.db.syncPeer.get(peer.peerId))!.lastReceipt).toMatchObject({ highestSequence: 1, bundleId: first.header.bundleId });
  });
});
