/** Rows of the local, non-synced tables: they never travel in a bundle. */
import type { PartyGroupKind, WorkspaceMode } from '../../shared/model/vocabulary';

/** The one setup row (key 'workspace'): what this installation is. */
export interface WorkspaceRow {
  key: 'workspace';
  mode: WorkspaceMode;
  /** Unit mode: the unit's id (unitId of every record). Committee mode: the committee's own id. */
  ownerId: string;
  /** 单位名称 or 工委名称. */
  name: string;
  /** Unit mode only. */
  creditCode: string | null;
  staffCount: number | null;
  partyGroupKind: PartyGroupKind | null;
  /** Who is operating this device, shown as `updatedBy`. */
  operatorName: string;
  createdAt: string;
}

/** This device's identity (key 'device'): id and key pairs. Private keys are non-extractable CryptoKeys. */
export interface DeviceRow {
  key: 'device';
  deviceId: string;
  signingPublicKey: string; // base64 raw Ed25519
  signingPrivateKey: CryptoKey;
  encryptionPublicKey: string; // base64 raw X25519
  encryptionPrivateKey: CryptoKey;
  createdAt: string;
  /** The highest HLC rev this device has issued or seen, so the clock survives restarts. */
  lastRev: string | null;
}

/** The local change log: what an export must carry. */
export interface ChangeRow {
  seq?: number;
  table: string;
  id: string;
  rev: string;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'reveal' | 'export-full';

/** The audit trail: who did what when, field by field. Sensitive values are masked. */
export interface AuditRow {
  seq?: number;
  at: string;
  actor: string;
  deviceId: string;
  action: AuditAction;
  table: string;
  id: string;
  changes: { field: string; before: unknown; after: unknown }[];
  note: string;
}

/** A losing version kept when two devices edited the same record (last writer wins by rev). */
export interface ConflictRow {
  seq?: number;
  table: string;
  id: string;
  keptRev: string;
  lostRev: string;
  lost: unknown;
  at: string;
  resolved: boolean;
}

export interface AttachmentBlobRow {
  sha256: string;
  blob: Blob;
  thumbnail: Blob | null;
}
