/**
 * 报表 of the 工委: 全市机关党建情况汇总 (the report to the municipal party committee) from the
 * imported units' data. Year, 截至 and 成文日期 are chosen here, 主送 written here; the committee
 * signs with its own name. The PDF worker reads and reduces the enrolled units one by one (the
 * city's records are never held at once) and renders in the same 公文 layout as the units' reports.
 */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { yearOf, type IsoDate } from '../../../shared/rules/dates';
import type { WorkspaceRow } from '../../db/localTypes';
import { cityReportUnits } from '../../db/queries/cityReports';
import { reportFileName } from '../common/reportFiles';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useLoadedRuleProfile } from '../common/useLoadedRuleProfile';
import { usePdfJob } from '../common/usePdfJob';
import { ADDRESSEE_PLACEHOLDER, asOfProblem, CITY_REPORT_NAME, dateProblem, defaultAsOf, reportYears } from './cityReportOptions';
import { CityUnitsSummary } from './CityUnitsSummary';

const iso = (d: dayjs.Dayjs): IsoDate => d.format('YYYY-MM-DD') as IsoDate;

export function CityReportsPage({ workspace }: { workspace: WorkspaceRow }) {
  const today = todayIso() as IsoDate;
  const units = useAppQuery(cityReportUnits);
  const profile = useLoadedRuleProfile();
  const pdf = usePdfJob({ data: '正在逐个单位汇总数据' });
  const [year, setYear] = useState(yearOf(today));
  // 截至 follows the year until the user picks a day of that year
  const [pickedAsOf, setAsOf] = useState<{ year: number; day: IsoDate } | null>(null);
  const [date, setDate] = useState<IsoDate>(today);
  const [addressee, setAddressee] = useState(ADDRESSEE_PLACEHOLDER);

  if (units === undefined || profile === undefined) return <Spin description="正在读取纳管单位…" />;

  const asOf = pickedAsOf?.year === year ? pickedAsOf.day : defaultAsOf(year, today);
  const problem = asOfProblem(year, asOf, today) ?? dateProblem(asOf, date) ?? (addressee.trim() === '' ? '请填写主送机关。' : null);
  const counted = units.filter((u) => u.hasData).length;

  const generate = () =>
    void pdf.run(
      { kind: 'city', committeeName: workspace.name, addressee: addressee.trim(), year, asOf, date, profile },
      reportFileName(workspace.name, CITY_REPORT_NAME, year),
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="city-report">
      <Card title={`${year}年度${CITY_REPORT_NAME}`}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">
            根据各单位报送的台账数据汇总，按 GB/T 9704 公文格式排版，附各单位主要指标、红色预警、红黄牌和季度考核四个附件。红黄牌和季度考核取自工委本机的记录。
          </Typography.Paragraph>
          <CityUnitsSummary units={units} />
          <Form layout="vertical" style={{ maxWidth: 560 }}>
            <Space wrap size={16}>
              <Form.Item label="年度" htmlFor="city-year">
                <Select id="city-year" value={year} onChange={setYear} style={{ width: 120 }} options={reportYears(today).map((y) => ({ value: y, label: `${y}年` }))} />
              </Form.Item>
              <Form.Item label="数据截至" htmlFor="city-as-of">
                <DatePicker
                  id="city-as-of"
                  value={dayjs(asOf)}
                  allowClear={false}
                  disabledDate={(d) => asOfProblem(year, iso(d), today) !== null}
                  onChange={(d) => d && setAsOf({ year, day: iso(d) })}
                />
              </Form.Item>
              <Form.Item label="成文日期" htmlFor="city-date">
                <DatePicker id="city-date" value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(iso(d))} />
              </Form.Item>
            </Space>
            <Form.Item
              label="主送"
              htmlFor="city-addressee"
              extra={addressee.includes('××') ? '“××”是占位文字：请改为本市市委的名称，如“中共某某市委”。' : undefined}
            >
              <Input id="city-addressee" value={addressee} onChange={(e) => setAddressee(e.target.value)} maxLength={60} />
            </Form.Item>
            <Form.Item label="落款">
              <Typography.Text data-testid="city-signature">{workspace.name}</Typography.Text>
            </Form.Item>
          </Form>
          {problem !== null && <Alert type="warning" showIcon title={problem} />}
          <Button type="primary" onClick={generate} loading={pdf.running} disabled={counted === 0 || problem !== null}>
            生成 PDF
          </Button>
          {pdf.panel}
        </Space>
      </Card>
    </Space>
  );
}
