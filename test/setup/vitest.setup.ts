// Unit tests run Dexie over fake-indexeddb: a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
import { unlockTestDataKey } from '../../renderer/identity/testing/dataKey';

// Every test database seals its ID numbers, phones and 慰问事由 as the app's does: this window's
// data key is unlocked with a fixed test key (the app unlocks it with the 开机口令 or the OS keystore).
unlockTestDataKey();
