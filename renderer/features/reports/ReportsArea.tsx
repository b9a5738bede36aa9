/**
 * 报表 of the unit in scope: its PDF reports, generated in the PDF worker and saved through the
 * bridge. A unit prints its own; the committee, under 单位 → a unit → 报表, prints that unit's as
 * the unit would (read-only: generated text instead of the unit's drafts, the masked roster only).
 */
import { useEffect, useState } from 'react';
import { Card, Select, Space, Tabs, Typography } from 'antd';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { ANNUAL_REPORT_NAME, AnnualReportPanel } from './AnnualReportPanel';
import { MeetingBookPanel, RosterPanel, SignInPanel } from './OtherReportPanels';
import { warmUpPdfWorker } from '../../workers/pdfClient';

export function ReportsArea() {
  const { unitId, name, readOnly } = useUnitScope();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  // pdfmake and the fonts loaded into the PDF worker while the user reads or chooses (once per session)
  useEffect(() => warmUpPdfWorker(), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {readOnly && (
        <Typography.Paragraph type="secondary" data-testid="reports-read-only" style={{ margin: 0 }}>
          {name}的报表按该单位报送的数据生成，格式与单位打印的相同，供工委审阅；花名册只能生成隐去身份证号中间位数的版本。
        </Typography.Paragraph>
      )}
      <Space>
        <Typography.Text>年度</Typography.Text>
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <Typography.Text type="secondary">报表按 GB/T 9704 公文格式排版；本机装有仿宋、黑体、楷体、方正小标宋简体时使用本机字体，否则使用内置字体。</Typography.Text>
      </Space>
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'annual', label: ANNUAL_REPORT_NAME, children: <AnnualReportPanel key={`${unitId}:${year}`} year={year} /> },
            { key: 'roster', label: '党员花名册', children: <RosterPanel year={year} /> },
            { key: 'meetings', label: '三会一课记录', children: <MeetingBookPanel year={year} /> },
            { key: 'signin', label: '签到表', children: <SignInPanel year={year} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
