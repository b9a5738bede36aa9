// Unit tests run Dexie over fake-indexeddb: a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
