/**
 * Every way reading (or writing) a sync bundle can be refused: one tagged union of ExpectedErrors
 * with a Chinese message that says what happened and what to do, plus an English `detail` for logs
 * and the command line. `detail` never contains record contents (member data is sensitive).
 */
import type { ExpectedError } from '../errors/errors';

export const BUNDLE_ERROR_KINDS = [
  // reading the file
  'too-large',
  'truncated',
  'not-a-bundle',
  'unsupported-version',
  'malformed-header',
  // authenticity
  'bad-signature',
  'unknown-sender',
  'revoked-sender',
  'sender-key-mismatch',
  // confidentiality
  'wrong-recipient',
  'decrypt-failed',
  // the payload
  'corrupt-payload',
  'manifest-mismatch',
  'unknown-entry',
  'invalid-record',
  'duplicate-record',
  'foreign-record',
  // passphrase-sealed secrets (key backups)
  'wrong-passphrase',
  'weak-passphrase',
  'not-a-key-backup',
] as const;
export type BundleErrorKind = (typeof BUNDLE_ERROR_KINDS)[number];

export interface BundleError extends ExpectedError<BundleErrorKind> {
  /** English, technical, for logs and the CLI; never record contents. */
  readonly detail: string;
}

/** The default Chinese message of each kind; call sites give a more specific one where they can. */
export const BUNDLE_ERROR_MESSAGES: Readonly<Record<BundleErrorKind, string>> = Object.freeze({
  'too-large': '同步包超出允许的大小，可能不是本系统生成的文件或已损坏。请向发送方核实后重新导出。',
  truncated: '文件不完整，请重新拷贝。同步包可能在拷贝过程中被截断，请从发送方的U盘重新拷贝完整文件后再导入。',
  'not-a-bundle': '该文件不是党建台账同步包（.tzb），请确认选择的是发送方导出的同步包文件。',
  'unsupported-version': '此同步包由更新版本的程序生成，本程序无法读取。请将本程序升级到最新版本后再导入。',
  'malformed-header': '同步包的头部信息已损坏或不符合格式，文件可能被改动。请向发送方重新索取同步包。',
  'bad-signature': '签名无效，文件可能被篡改。请勿导入，并向发送方重新索取同步包。',
  'unknown-sender': '此同步包来自未登记的单位，本机没有它的公钥，不能导入。请先办理该单位的纳管登记，或核对文件来源。',
  'revoked-sender': '此同步包发送方的密钥已被吊销，不能导入。如确需导入，请联系工委重新办理登记。',
  'sender-key-mismatch':
    '此同步包的签名密钥与登记的密钥不一致，可能是他人伪造，也可能是对方重装了程序。请勿导入，并与发送方电话核对密钥指纹。',
  'wrong-recipient': '此同步包不是发给本单位的，请确认选择了正确的文件。',
  'decrypt-failed': '无法解密此同步包：文件已损坏，或不是用本机的密钥加密的。请重新拷贝；仍不行请向发送方重新索取。',
  'corrupt-payload': '同步包的内容已损坏，无法读取。请重新拷贝；仍不行请向发送方重新索取。',
  'manifest-mismatch': '同步包的内容与清单不符，文件不完整或被改动。请重新拷贝或向发送方重新索取。',
  'unknown-entry': '同步包中有不属于同步包格式的文件，文件可能被改动或不是本系统生成的，已拒绝导入。请向发送方重新索取同步包。',
  'invalid-record': '同步包中有不符合要求的记录，已拒绝导入。请发送方核对数据后重新导出。',
  'duplicate-record': '同步包中有重复的记录，已拒绝导入。请向发送方重新索取同步包。',
  'foreign-record': '同步包中有不属于发送方的记录，可能被伪造，已拒绝导入。请联系发送方核实。',
  'wrong-passphrase': '口令不正确，无法打开密钥备份。请检查口令（注意大小写、全角半角和输入法）后重试。',
  'weak-passphrase': '口令太短，至少需要8个字符。请设置更长的口令。',
  'not-a-key-backup': '该文件不是有效的密钥备份文件，或已损坏。请选择正确的备份文件。',
});

export function bundleError(kind: BundleErrorKind, detail: string, message?: string): BundleError {
  return { kind, message: message ?? BUNDLE_ERROR_MESSAGES[kind], detail };
}

export function isBundleErrorKind(s: unknown): s is BundleErrorKind {
  return typeof s === 'string' && (BUNDLE_ERROR_KINDS as readonly string[]).includes(s);
}
