import { describe, expect, it } from 'vitest';
import type { EnrolledUnit } from '../../../shared/model/committee';
import type { SyncPeerRow } from '../../db/localTypes';
import { registerRows } from './registerRows';
import { unitLastBundleText } from './registerText';

// A bundle made at 01:30 on 21 November in China is 17:30 on the 20th in UTC.
const peer = {
  peerId: 'u1',
  lastBundle: { sequence: 3, bundleId: 'b3', at: '2026-11-20T17:30:00.000Z', snapshot: false },
} as SyncPeerRow;
const unit = { id: 'u1', name: '市财政局', creditCode: null, status: 'active', publicKey: null } as EnrolledUnit;

describe('the register\'s last bundle date', () => {
  it('is the date on the users\' calendar (UTC+8), not the UTC date', () => {
    expect(unitLastBundleText({ peer })).toBe('最近报送：第 3 号同步包（增量），2026-11-21');
    const [row] = registerRows([{ unit, peer }], null);
    expect(row?.lastBundleOn).toBe('2026-11-21');
  });

  it('says so when nothing has come yet', () => {
    expect(unitLastBundleText({ peer: undefined })).toBe('尚未报送同步包');
    expect(registerRows([{ unit, peer: undefined }], null)[0]?.lastBundleOn).toBeNull();
  });
});
