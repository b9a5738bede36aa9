/**
 * Where the report command gets its records: a fixture directory (`npm run fixtures -- small --out
 * DIR`: one `<unitId>.json` = { unit, deviceId, records: { table: record[] } } per unit, plus
 * index.json), or a sync bundle (.tzb) decrypted with the committee's key file. Every record is
 * checked against its schema (a fixture file is as untrusted as any other file); the bundle's
 * records are checked by shared/bundle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decrypterFromSecretKey, openBundle, readHeader, verifyBundle } from '../../shared/bundle';
import type { BundleRecords, SenderTrust } from '../../shared/bundle';
import { validateRecord } from '../../shared/model/validate';
import { isRecordTable } from '../../shared/model/tables';
import type { RecordTable } from '../../shared/model/tables';
import type { RecordOf } from '../../shared/model/registry';
import { checkKeyFiles } from './bundleArgs';
import { readBundleFile } from './bundleText';
import { kindReceivedBy } from './direction';
import type { PartyRole } from './direction';
import { readPrivateKeyFile } from './keyFiles';
import { resolveSenderKey } from './senderKey';

export type Records = { [T in RecordTable]?: RecordOf<T>[] };

/**
 * `sender`: for a bundle, whether its signer was checked against a key the user gave
 * (`--sender-key`) — `unverified` carries the fingerprint of the key the header names; null for a
 * fixture directory.
 */
export type InputSender = { readonly verified: true } | { readonly verified: false; readonly fingerprint: string };

export type InputResult =
  | { ok: true; units: Map<string, Records>; note: string | null; sender: InputSender | null }
  | { ok: false; message: string };

const MAX_FIXTURE_FILE_BYTES = 512 * 1024 * 1024;

function readFixtureFile(file: string, into: Map<string, Records>): string | null {
  let raw: unknown;
  try {
    if (statSync(file).size > MAX_FIXTURE_FILE_BYTES) return `文件过大：${file}`;
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return `无法读取 ${path.basename(file)}：${e instanceof Error ? e.message : String(e)}`;
  }
  if (typeof raw !== 'object' || raw === null || !('records' in raw) || typeof raw.records !== 'object' || raw.records === null)
    return `${path.basename(file)} 不是单位数据文件（缺少 records）`;
  const records = raw.records as Record<string, unknown>;
  for (const [table, rows] of Object.entries(records)) {
    if (!isRecordTable(table)) return `${path.basename(file)}：未知的数据表“${table.slice(0, 40)}”`;
    if (!Array.isArray(rows)) return `${path.basename(file)}：数据表 ${table} 不是数组`;
    for (const row of rows) {
      const checked = validateRecord(table, row);
      if (!checked.ok) return `${path.basename(file)}：${checked.error.message}`;
      const unitId = checked.value.unitId;
      const unit = into.get(unitId) ?? {};
      const list = (unit[table] ?? []) as unknown[];
      list.push(checked.value);
      (unit as Record<string, unknown[]>)[table] = list;
      into.set(unitId, unit);
    }
  }
  return null;
}

/** Reads a fixture directory: all units, or only `<unitId>.json` when `unitId` is given (fast). */
export function readFixtureDir(dir: string, unitId: string | null): InputResult {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, message: `找不到数据目录：${dir}` };
  const units = new Map<string, Records>();
  const files =
    unitId !== null && existsSync(path.join(dir, `${unitId}.json`))
      ? [`${unitId}.json`]
      : readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
  if (files.length === 0) return { ok: false, message: `目录中没有单位数据文件（*.json）：${dir}` };
  for (const f of files) {
    const problem = readFixtureFile(path.join(dir, f), units);
    if (problem !== null) return { ok: false, message: problem };
  }
  return { ok: true, units, note: null, sender: null };
}

/**
 * Opens a unit's bundle with the committee's key file; only a full snapshot can back a report.
 * `senderKey` (`--sender-key`: base64 or a key file) pins the signer; without it the key the header
 * names is only checked for a valid signature, and the result says the sender is unverified.
 */
export async function readBundleInput(file: string, keyFile: string, senderKey: string | null = null): Promise<InputResult> {
  const keys = readPrivateKeyFile(keyFile);
  if (!keys.ok) return { ok: false, message: keys.message };
  let trust: SenderTrust = { status: 'unpinned' };
  let senderParty: { role: PartyRole; id: string } | null = null;
  if (senderKey !== null) {
    const resolved = resolveSenderKey(senderKey);
    if (!resolved.ok) return { ok: false, message: resolved.message };
    trust = { status: 'pinned', publicKey: resolved.key };
    senderParty = resolved.party;
  }
  const read = readBundleFile(file);
  if (!read.ok) return { ok: false, message: 'usage' in read ? read.usage : `${read.error.message}（${read.error.detail}）` };
  const untrusted = readHeader(read.bytes);
  if (!untrusted.ok) return { ok: false, message: untrusted.error.message };
  const misfit = checkKeyFiles(untrusted.value.claimedHeader, { keys, senderParty });
  if (misfit !== null) return { ok: false, message: misfit.message };
  const verified = verifyBundle(untrusted.value, trust);
  if (!verified.ok) return { ok: false, message: verified.error.message };
  if (verified.value.header.changeRange !== null)
    return {
      ok: false,
      message: '该同步包只含上次回执以来的变更，不是全量快照，不能据此生成报告；请在工委端导入后从台账生成，或使用全量同步包。',
    };
  const opened = await openBundle(verified.value, decrypterFromSecretKey(keys.value.encryption.secretKey), {
    recipientId: keys.value.id,
    kind: kindReceivedBy(keys.value.role),
  });
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const units = new Map<string, Records>();
  const records: BundleRecords = opened.value.records;
  for (const table of Object.keys(records) as RecordTable[]) {
    for (const row of records[table] ?? []) {
      const unit = units.get(row.unitId) ?? {};
      const list = (unit[table] ?? []) as unknown[];
      list.push(row);
      (unit as Record<string, unknown[]>)[table] = list;
      units.set(row.unitId, unit);
    }
  }
  const pinned = verified.value.trust === 'pinned';
  const note = pinned
    ? null
    : `未核验发送方：未用 --sender-key 指定发送单位的公钥，同步包只核对了它自带的签名密钥（指纹 ${verified.value.senderFingerprint}），报告首页已注明“未核验发送方”。请与发送单位电话核对该指纹，再用 --sender-key 指定其公钥重新生成报告。`;
  return { ok: true, units, note, sender: pinned ? { verified: true } : { verified: false, fingerprint: verified.value.senderFingerprint } };
}
