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
  | 'unit-revoked'
  | 'readmit-needs-snapshot'
  | 'readmit-not-confirmed'
  | 'readmit-changed'
  | 'credit-code-invalid'
  | 'credit-code-taken'
  | 'credit-code-mismatch'
  | 'other-committee';

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
  'readmit-needs-snapshot':
    '本机没有该单位的登记记录（例如工委密钥从备份恢复后），该同步包是发给本工委的，但只含变更数据，不能据此将该单位重新纳入管理。请通知该单位在“同步”页的“报送数据（导出同步包）”中勾选“导出全部数据（不论回执）”，再点“导出同步包”，把导出的全量同步包交工委导入。本次没有导入任何数据。',
  'readmit-not-confirmed': '本机没有该单位的登记记录，重新纳入管理前，请先与该单位电话核对单位名称和密钥指纹，并勾选“已与单位电话核对，密钥指纹一致”后再导入。',
  'readmit-changed': '导入期间本机已有该单位的登记记录，本次没有导入任何数据。请重新选择该同步包导入。',
  'credit-code-invalid': '统一社会信用代码不正确，请核对后重新输入。',
  'credit-code-taken': '该统一社会信用代码已经登记过，同一单位不能重复登记。',
  'credit-code-mismatch': '同步包中单位的统一社会信用代码与纳管登记的不一致，不能导入。本次没有导入任何数据。',
  'other-committee':
    '此同步包是报送给其他工委的，不是发给本工委的，本机无法解密，不能导入。本次没有导入任何数据。请与报送单位核实：该单位可能登记在其他工委，或导入了其他工委的登记文件；如该单位应由本工委管理，请在“纳管单位”中为其登记，把登记文件交该单位导入后重新导出同步包。',
};

/** Re-admission from a snapshot that lacks the unit's own record (it names the unit). */
export const READMIT_NO_UNIT_RECORD =
  '本机没有该单位的登记记录（例如工委密钥从备份恢复后），该同步包中也没有该单位的单位信息，无法确认是哪个单位，不能将其重新纳入管理。请通知该单位在“同步”页的“报送数据（导出同步包）”中勾选“导出全部数据（不论回执）”，再点“导出同步包”，把导出的全量同步包交工委导入。本次没有导入任何数据。';

export function syncError(kind: SyncErrorKind, message?: string, path?: readonly string[]): SyncError {
  return expectedError(kind, message ?? MESSAGES[kind], path);
}
