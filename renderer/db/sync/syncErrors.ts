/** Refusals of the sync screens that are not the codec's (those are BundleErrors): each says what and what to do. */
import { expectedError, type ExpectedError } from '../../../shared/errors/errors';

export type SyncErrorKind =
  | 'already-imported'
  | 'not-enrolled'
  | 'not-an-enrolment'
  | 'enrolment-mismatch'
  | 'wrong-mode'
  | 'fingerprint-not-confirmed'
  | 'no-unit-key'
  | 'unit-not-found'
  | 'unit-revoked';

export type SyncError = ExpectedError<SyncErrorKind>;

const MESSAGES: Record<SyncErrorKind, string> = {
  'already-imported': '此同步包已导入过，没有新的变化。',
  'not-enrolled': '本单位尚未在工委登记，不能导出同步包。请先向工委索取“纳管登记文件”，在本页导入后再导出。',
  'not-an-enrolment': '该文件不是有效的纳管登记文件，或已损坏。请确认选择的是工委发来的登记文件（.tze）。',
  'enrolment-mismatch': '此登记文件与本机已有的登记不一致。',
  'wrong-mode': '当前工作模式不能执行此操作。',
  'fingerprint-not-confirmed': '首次接收该单位的同步包，请先与单位电话核对密钥指纹，并勾选“已核对”后再导入。',
  'no-unit-key': '还没有收到该单位的同步包（其中带有单位的加密公钥），暂时不能生成回执。请先导入该单位报送的同步包。',
  'unit-not-found': '找不到该纳管单位，可能已被删除。请刷新后重试。',
  'unit-revoked': '该单位的密钥已被吊销，不能再向其发送数据。如需恢复，请先办理重新登记。',
};

export function syncError(kind: SyncErrorKind, message?: string): SyncError {
  return expectedError(kind, message ?? MESSAGES[kind]);
}
