/**
 * 打印 on the 三级五岗 page: the year's 职责清单 and its 自查表 as PDF (公文 layout), built in the PDF
 * worker (job `duties`, shared/reports/dutyList.ts) and saved through the platform as the 报表 are
 * (`<单位>_<报表名>_<year>.pdf`). The worker reads the unit in scope and its duty lists only, so
 * under the 工委's 单位 → a unit (read-only) it prints that unit's, as the unit would.
 */
import { Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { asOfFor, DEFAULT_ADDRESSEE, reportFileName } from '../common/reportFiles';
import { usePdfJob } from '../common/usePdfJob';
import { useUnitScope } from '../common/unitScope';

export const DUTY_LIST_REPORT_NAME = '三级五岗职责清单';
export const DUTY_SELF_CHECK_REPORT_NAME = '三级五岗职责落实情况自查表';

/** The two buttons (shown when the year has lists) and, below them, the job's progress and outcome. */
export function useDutyListPrint(year: number) {
  const { unitId, name } = useUnitScope();
  const pdf = usePdfJob();
  const run = (part: 'list' | 'selfCheck') =>
    void pdf.run(
      { kind: 'duties', part, snapshot: { unitId, year, asOf: asOfFor(year), committeeName: DEFAULT_ADDRESSEE } },
      reportFileName(name, part === 'list' ? DUTY_LIST_REPORT_NAME : DUTY_SELF_CHECK_REPORT_NAME, year),
    );
  const buttons = (
    <Space wrap data-testid="duties-print">
      <Button icon={<PrinterOutlined />} loading={pdf.running} onClick={() => run('list')}>
        打印职责清单
      </Button>
      <Button icon={<PrinterOutlined />} loading={pdf.running} onClick={() => run('selfCheck')}>
        打印自查表
      </Button>
    </Space>
  );
  return { buttons, panel: pdf.panel };
}
