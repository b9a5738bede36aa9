/**
 * TEST ONLY: a fixed data key for tests, benchmarks and fault pages that run the app's own code over
 * databases of their own. The app unlocks its key with the 开机口令 or the OS keystore
 * (renderer/db/encryption); these unlock this one, so that every ID number, phone and 慰问事由 they
 * write is sealed exactly as the app seals it.
 */
import { unlockDataKey } from '../dataKeySession';

export const TEST_DATA_KEY: Uint8Array = new Uint8Array(32).fill(0x5a);

export function unlockTestDataKey(): void {
  unlockDataKey(TEST_DATA_KEY);
}
