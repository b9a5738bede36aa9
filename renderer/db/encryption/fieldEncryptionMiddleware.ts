/**
 * A Dexie DBCore middleware that seals the sensitive fields on their way to IndexedDB and opens
 * them on the way back (sealedFields.ts). It sits at the bottom of Dexie's stack (level -2, below
 * Dexie's own caches, hooks and live queries), so everything above it — repositories, live
 * queries, exports, backups — sees plain records, and only IndexedDB (hence the LevelDB files on
 * disk) sees sealed ones. Synchronous crypto: it runs inside the transaction.
 */
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { FieldCipher } from '../../../shared/security/fieldCipher';
import { hasSealedFields, openStoredRow, sealStoredRow } from './sealedFields';

function sealRequest(req: DBCoreMutateRequest, table: string, cipher: FieldCipher | null): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  return { ...req, values: req.values.map((v: unknown) => sealStoredRow(cipher, table, v)) } as DBCoreMutateRequest;
}

/**
 * A cursor whose `value` is the opened row; everything else (continue, stop, start…) is the real
 * cursor's. `key` and `primaryKey` are passed through explicitly: on a real IDBCursor they are
 * getters that must be called on the cursor itself ("Illegal invocation" on any other object — which
 * fake-indexeddb does not check, so only a browser shows it).
 */
export function openingCursor<C extends Pick<DBCoreCursor, 'key' | 'primaryKey' | 'value'>>(cursor: C, open: (v: unknown) => unknown): C {
  let raw: unknown = undefined;
  let opened: unknown = undefined;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const current = cursor.value;
        if (current !== raw) {
          raw = current;
          opened = open(current);
        }
        return opened;
      },
    },
  }) as C;
}

function sealingTable(table: DBCoreTable, cipherOf: () => FieldCipher | null): DBCoreTable {
  const name = table.name;
  const open = (v: unknown) => openStoredRow(cipherOf(), name, v);
  return {
    ...table,
    mutate: (req) => table.mutate(sealRequest(req, name, cipherOf())),
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query: (req) =>
      table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values ? openingCursor(cursor, open) : cursor)),
  };
}

/** The middleware, reading the current cipher (null while locked) at each call. */
export function fieldEncryptionMiddleware(cipherOf: () => FieldCipher | null): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'FieldEncryption',
    level: -2,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return hasSealedFields(name) ? sealingTable(table, cipherOf) : table;
      },
    }),
  };
}
