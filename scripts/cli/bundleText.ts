/** Reading a bundle file and printing what the bundle commands say about it (Chinese + English). */
import { readFileSync, statSync } from 'node:fs';
import { BUNDLE_LIMITS, bundleError, keyFingerprintOfBase64 } from '../../shared/bundle';
import type { BundleError, BundleHeader, OpenedBundle } from '../../shared/bundle';
import { RECORD_TABLE_LABELS } from '../../shared/model/tables';
import type { RecordTable } from '../../shared/model/tables';

export type ReadFileResult = { ok: true; bytes: Uint8Array } | { ok: false; usage: string } | { ok: false; error: BundleError };

/** Read a bundle file, refusing one larger than the limit before reading it. */
export function readBundleFile(path: string): ReadFileResult {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, usage: `不是文件 (not a file): ${path}` };
    size = stat.size;
  } catch {
    return { ok: false, usage: `找不到文件 (file not found): ${path}` };
  }
  if (size > BUNDLE_LIMITS.maxFileBytes) {
    return { ok: false, error: bundleError('too-large', `file is ${size} bytes, limit ${BUNDLE_LIMITS.maxFileBytes}`) };
  }
  try {
    const buf = readFileSync(path);
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch {
    return { ok: false, usage: `无法读取文件 (cannot read file): ${path}` };
  }
}

/** Print a refusal to stderr; the exit code for an invalid bundle is 1. */
export function printRefusal(error: BundleError): number {
  console.error(`无效 (invalid) [${error.kind}]: ${error.message}`);
  console.error(`  详情 (detail): ${error.detail}`);
  return 1;
}

const KIND_TEXT = {
  'unit-to-committee': '单位报送工委 (unit-to-committee)',
  'committee-to-unit': '工委发给单位 (committee-to-unit)',
} as const;

export function printHeader(header: BundleHeader, fileBytes: number): void {
  const range = header.changeRange === null
    ? '全量快照 (snapshot)'
    : header.changeRange.toSeq < header.changeRange.fromSeq
      ? `无变更 (no changes since ${header.changeRange.fromSeq - 1})`
      : `变更 ${header.changeRange.fromSeq}–${header.changeRange.toSeq} (changes ${header.changeRange.fromSeq}–${header.changeRange.toSeq})`;
  const lines: [string, string][] = [
    ['文件大小 (file size)', `${fileBytes} 字节 (bytes)`],
    ['格式 (format)', `${header.format} v${header.version}，数据结构 (schema) v${header.schemaVersion}`],
    ['类型 (kind)', KIND_TEXT[header.kind]],
    ['同步包编号 (bundle id)', header.bundleId],
    ['发送方 (sender)', header.senderUnitId],
    ['发送设备 (sender device)', header.senderDeviceId],
    ['发送方公钥指纹 (sender key fingerprint)', keyFingerprintOfBase64(header.senderPublicKey) ?? '?'],
    ['序号 (sequence)', String(header.sequence)],
    ['接收方 (recipient)', header.recipientId],
    ['接收方公钥指纹 (recipient key fingerprint)', keyFingerprintOfBase64(header.recipientPublicKey) ?? '?'],
    ['生成时间 (created at)', header.createdAt],
    ['规则版本 (rule profile version)', String(header.ruleProfileVersion)],
    ['范围 (range)', range],
    ['加密 (encryption)', header.encryption.alg],
  ];
  for (const [label, value] of lines) console.log(`${label}: ${value}`);
}

export function printCounts(opened: OpenedBundle): void {
  console.log(`记录 (records): ${opened.totalRecords} 条；附件 (attachments): ${opened.attachments.size} 个`);
  for (const [table, n] of Object.entries(opened.counts) as [RecordTable, number][]) {
    console.log(`  ${RECORD_TABLE_LABELS[table]} (${table}): ${n}`);
  }
}
