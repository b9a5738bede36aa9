/** The register as shown (filters applied) to an .xlsx workbook, saved through the bridge. */
import { ENROLLED_UNIT_STATUS_LABELS } from '../../../shared/model/vocabulary';
import { keyFingerprintOfBase64 } from '../../../shared/bundle';
import { platform } from '../../platform';
import { todayIso } from '../common/today';
import { writeSheet } from '../common/xlsxWorkbook';
import type { RegisterRow } from './registerRows';

export const REGISTER_HEADERS = ['序号', '单位', '统一社会信用代码', '状态', '密钥指纹', '最近同步包日期', '同步包序号', '全量/增量', '距今天数', '逾期未报送', '党员', '党组织', '换届红色预警', '未按期会议'];

export function registerSheetRows(rows: readonly RegisterRow[]): unknown[][] {
  return rows.map((r, i) => [
    i + 1,
    r.name,
    r.creditCode ?? '',
    ENROLLED_UNIT_STATUS_LABELS[r.status],
    r.publicKey ? keyFingerprintOfBase64(r.publicKey) : '',
    r.lastBundleOn ?? '',
    r.lastSequence ?? '',
    r.lastSnapshot === null ? '' : r.lastSnapshot ? '全量' : '增量',
    r.daysSince ?? '',
    r.late ? '是' : '',
    r.members ?? '',
    r.organisations ?? '',
    r.redTerms ?? '',
    r.meetingsOwed ?? '',
  ]);
}

export async function exportRegister(rows: readonly RegisterRow[]): Promise<void> {
  const bytes = await writeSheet('纳管单位名册', REGISTER_HEADERS, registerSheetRows(rows));
  await platform().saveFile(`纳管单位名册_${todayIso()}.xlsx`, bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
}
