/** Rows of the local, non-synced tables: they never travel in a bundle. */
import type { PartyGroupKind, WorkspaceMode } from '../../shared/model/vocabulary';
import type { DeviceIdentity } from '../identity/deviceIdentity';

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
  /**
   * Unit mode: 台账起始日期, the day this unit started keeping its ledger here (设置). The workbench
   * does not list to-dos of periods that ended before it; records before it may be 补录 but need
   * not be. Absent or null: every period counts.
   */
  ledgerStartedOn?: string | null;
}

/**
 * This device (key 'device'): its identity — id and key pairs, private keys non-extractable
 * CryptoKeys (renderer/identity/deviceIdentity.ts) — and what the app keeps with it.
 */
export interface DeviceRow extends DeviceIdentity {
  key: 'device';
  /** The highest HLC rev this device has issued or seen, so the clock survives restarts. */
  lastRev: string | null;
  /**
   * Committee only: the passphrase-sealed backup of its keys (docs/bundle-format.md §9.1), kept
   * so another copy can be saved at any time. Absent for a unit, and for a committee set up
   * before key backups existed (its keys cannot be backed up).
   */
  keyBackup?: KeyBackupState;
  /** The workspace backup (.tzbak) as this PC knows it: the last one saved, or the one restored from (renderer/db/backup). */
  workspaceBackup?: WorkspaceBackupState;
  /** A unit that replaced its device keys (设置 → 数据加密 → 更换本机密钥): when, and the device it was; until the re-enrolment is done. */
  rekeyed?: { at: string; previousDeviceId: string };
}

/**
 * The workspace's data key, wrapped (key 'dataKey'; renderer/db/encryption/keyring.ts,
 * docs/security.md). Local to this PC: never synced, never backed up.
 */
export interface KeyringRow {
  key: 'dataKey';
  /** 'os': wrapped by the OS keystore (Electron safeStorage); 'passphrase': by the 开机口令. */
  protection: 'os' | 'passphrase';
  /** 'os': base64 of the keystore's ciphertext; 'passphrase': the sealed-secret file (canonical JSON text). */
  wrapped: string;
  /** A known text sealed under the data key: a key that opens it is this workspace's. */
  check: string;
  createdAt: string;
  /** When the 开机口令 was last changed. */
  changedAt: string | null;
  /** false until the plain values of a database from before encryption at rest have been sealed. */
  fieldsSealed: boolean;
}

/** The last workspace backup saved on this PC, and, after a restore, where the data came from. Never synced, never backed up. */
export interface WorkspaceBackupState {
  lastSavedAt: string | null;
  lastSavedName: string | null;
  restoredFrom?: { fileName: string; backupCreatedAt: string; restoredAt: string; previousDeviceId: string };
}

/** The committee's key backup as this device keeps it. The file is encrypted; the passphrase is never stored. */
export interface KeyBackupState {
  /** The sealed backup file, exactly as saved (canonical JSON text). */
  sealedFile: string;
  /** When the keys were sealed (at setup). */
  sealedAt: string;
  /** When a copy was last saved to a file the user picked; null until the first copy is saved. */
  lastSavedAt: string | null;
  /** The file name of the last saved copy, as the save dialog reported it. */
  lastSavedName: string | null;
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
  /** The import that found it; absent for rows written before it was kept, null for a version displaced by a restore. */
  bundleId?: string | null;
  /** true: the bundle's version lost (this PC's was newer); false: this PC's version lost to the bundle's. */
  lostFromBundle?: boolean;
  /** How it was settled: the kept-aside version restored, or the current one kept (保留现状). */
  resolution?: 'restored' | 'dismissed';
  resolvedAt?: string;
}

export interface AttachmentBlobRow {
  sha256: string;
  blob: Blob;
  thumbnail: Blob | null;
}

/** One bundle this unit sent: which change-log range it covered (a receipt of `sequence` acknowledges up to `toSeq`). */
export interface SentBundle {
  sequence: number;
  bundleId: string;
  /** Highest local change `seq` the bundle covered (a snapshot covers everything up to it). */
  toSeq: number;
  snapshot: boolean;
  at: string;
}

/** The last receipt the committee returned (unit side). */
export interface LastReceipt {
  highestSequence: number;
  bundleId: string;
  receivedAt: string;
  /** The change-log position the receipt acknowledges: the next delta starts after it. */
  ackedToSeq: number;
}

/**
 * The other side of the sync (docs/sync.md). Unit side: one row, the committee it is enrolled with
 * (`peerId` = committee id). Committee side: one row per enrolled unit (`peerId` = unit id), holding
 * what is not a synced record: the unit device's encryption key and the last bundle received.
 */
export interface SyncPeerRow {
  peerId: string;
  role: 'committee' | 'unit';
  name: string;
  /** base64 raw Ed25519 key: unit side, the committee's (pinned at enrolment); committee side, the unit device's pinned key. */
  signingPublicKey: string | null;
  /** base64 raw X25519 key bundles to this peer are encrypted to (null until the unit's key card arrived). */
  encryptionPublicKey: string | null;
  /** Committee side: the unit device whose key is pinned. */
  deviceId: string | null;
  enrolledAt: string;
  /** Unit side: bundles sent to the committee (newest last, at most the last 200). */
  sent: SentBundle[];
  /** Unit side: the last receipt from the committee. */
  lastReceipt: LastReceipt | null;
  /** Committee side: the last bundle received from this unit. */
  lastBundle: { sequence: number; bundleId: string; at: string; snapshot: boolean } | null;
}

/** This side's outgoing counter (key 'outgoing'): the sequence of the next bundle it sends. */
export interface SyncStateRow {
  key: 'outgoing';
  nextSequence: number;
}

/** One applied bundle; its presence makes a second import of the same bundle a no-op. */
export interface ImportLogRow {
  bundleId: string;
  at: string;
  kind: 'unit-to-committee' | 'committee-to-unit';
  senderId: string;
  senderName: string;
  sequence: number;
  snapshot: boolean;
  counts: Record<string, number>;
  written: number;
  unchanged: number;
  older: number;
  conflicts: number;
  /** Records of this side's own that the bundle also carried (never overwritten); absent in older rows. */
  protectedCount?: number;
  actor: string;
}

/**
 * One saved version of the annual report's editable parts (开头, 存在问题及原因, 下一步打算): local
 * text of this unit, never synced. Every save appends a version; the highest `seq` of a unit and
 * year is the one in use.
 */
export interface ReportDraftRow {
  seq?: number;
  unitId: string;
  year: number;
  intro: string;
  /** 一、履行主体责任情况 as the cadre rewrote it; empty or absent (versions saved before it could be edited): the generated text. */
  duties?: string;
  problems: string;
  nextSteps: string;
  /** 主送 as the cadre last set it. */
  addressee: string;
  savedAt: string;
  savedBy: string;
}
