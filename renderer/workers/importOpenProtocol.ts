/**
 * Messages between the import's worker (importOpen.worker.ts) and its client (importOpenClient.ts).
 * One job per import: `verify`, then `open` (or `drop`). The opened bundle comes back in pieces —
 * each table's records in slices of `RECORD_SLICE`, then the rest — so that no single message
 * takes the main thread long to receive.
 */
import type { BundleHeader, OpenedBundle, SenderTrust } from '../../shared/bundle';
import type { BundleError } from '../../shared/bundle/errors';
import type { BundleKind } from '../../shared/bundle/header';
import type { Result } from '../../shared/errors/errors';
import type { RecordTable } from '../../shared/model/tables';
import type { DeviceDecryptionKeys } from '../db/sync/bundleOpener';

/** Records per `records` message. */
export const RECORD_SLICE = 500;

export type ImportOpenRequest =
  | { readonly type: 'verify'; readonly job: number; readonly bytes: Uint8Array; readonly trust: SenderTrust }
  | { readonly type: 'open'; readonly job: number; readonly device: DeviceDecryptionKeys; readonly recipientId: string; readonly kind: BundleKind; readonly progress: boolean }
  | { readonly type: 'drop'; readonly job: number };

/** The opened bundle without its records (they come before it, in `records` messages). */
export type OpenedRest = Omit<OpenedBundle, 'records'>;

export type ImportOpenResponse =
  | { readonly type: 'verified'; readonly job: number; readonly result: Result<BundleHeader, BundleError> }
  | { readonly type: 'progress'; readonly job: number; readonly done: number; readonly total: number }
  | { readonly type: 'records'; readonly job: number; readonly table: RecordTable; readonly rows: readonly unknown[] }
  | { readonly type: 'opened'; readonly job: number; readonly result: Result<OpenedRest, BundleError> }
  | { readonly type: 'crash'; readonly job: number; readonly message: string };
