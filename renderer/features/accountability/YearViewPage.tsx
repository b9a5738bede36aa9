/**
 * 年度考核参考 (the committee): the year's PUBLISHED quarterly scores of every enrolled unit added
 * up — each quarter, the sum and the average over the quarters it was scored in, ranked by the
 * average (shared/rules/committee/monitoring/yearView.ts) — with the quarters not yet published said
 * in words, and the table as .xlsx for the 年度考核 or as PDF (公文 layout, shared/reports/committeeRegisters.ts).
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { yearView, type YearUnitRow } from '../../../shared/rules/committee/monitoring';
import { monitoringBasis } from '../../db/queries/monitoring';
import { platform } from '../../platform';
import { asOfFor } from '../common/reportFiles';
import { todayIso } from '../common/today';
import { usePdfJob } from '../common/usePdfJob';
import { useAppQuery } from '../common/useAppQuery';
import { writeSheet } from '../common/xlsxWorkbook';
import { YEAR_VIEW_HEADERS, yearViewRows } from './yearViewSheet';

const QUARTER_TITLES = ['第1季度', '第2季度', '第3季度', '第4季度'];

export function YearViewPage() {
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [saving, setSaving] = useState(false);
  const basis = useAppQuery(monitoringBasis);
  const { message } = App.useApp();
  // 打印: the same view as a 公文 table, made in the PDF worker from the same published quarters
  const pdf = usePdfJob();
  const view = useMemo(
    () => (basis ? yearView(basis.published, year, basis.units.map((u) => ({ unitId: u.unitId, name: u.name }))) : null),
    [basis, year],
  );

  async function exportSheet() {
    if (!view) return;
    setSaving(true);
    try {
      const bytes = await writeSheet(`${year}年度考核参考`, YEAR_VIEW_HEADERS, yearViewRows(view));
      const saved = await platform().saveFile(`${year}年度季度考核汇总.xlsx`, bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
      if (saved.saved) void message.success(`已导出“${saved.fileName}”`);
    } catch {
      void message.error('导出失败：文件没有写入。请检查保存位置（如U盘）是否可写、空间是否足够，然后重试。');
    } finally {
      setSaving(false);
    }
  }

  if (!basis || !view) return <Typography.Text type="secondary">正在读取…</Typography.Text>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="year-view">
      <Space wrap>
        <Typography.Text>年度</Typography.Text>
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Button icon={<DownloadOutlined />} loading={saving} disabled={view.units.length === 0} onClick={() => void exportSheet()}>
          导出 Excel
        </Button>
        <Button
          icon={<PrinterOutlined />}
          loading={pdf.running}
          disabled={view.units.length === 0}
          onClick={() => void pdf.run({ kind: 'year-view', year, asOf: asOfFor(year) }, `${year}年度季度考核汇总表.pdf`)}
        >
          打印 PDF
        </Button>
      </Space>
      {pdf.panel}
      <Alert
        type={view.missingQuarters.length === 0 ? 'success' : 'info'}
        showIcon
        title={`${view.note}。`}
        description="年度参考分为各单位已发布季度总分的平均分，按平均分排名；季度考核在“季度考核”中发布后计入，未发布的季度不计入。"
        data-testid="year-view-note"
      />
      {view.units.length === 0 ? (
        <Empty description="尚未登记纳管单位。在“同步”中登记单位、导入其同步包并发布季度考核后，这里汇总全年结果。" />
      ) : (
        <Table<YearUnitRow>
          size="small"
          rowKey="unitId"
          dataSource={[...view.units]}
          pagination={view.units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            { title: '名次', key: 'rank', width: 70, render: (_, r) => r.rank ?? '—' },
            { title: '单位', dataIndex: 'name', key: 'name', width: 200 },
            ...QUARTER_TITLES.map((title, i) => ({
              title,
              key: `q${i + 1}`,
              width: 90,
              align: 'right' as const,
              render: (_: unknown, r: YearUnitRow) => r.quarters[i] ?? <Typography.Text type="secondary">—</Typography.Text>,
            })),
            { title: '合计', key: 'sum', width: 90, align: 'right', render: (_, r) => (r.average === null ? '—' : r.sum) },
            {
              title: '平均分',
              key: 'average',
              width: 90,
              align: 'right',
              render: (_, r) => (r.average === null ? <Tag>未考核</Tag> : <Typography.Text strong>{r.average}</Typography.Text>),
            },
            { title: '说明', dataIndex: 'note', key: 'note' },
          ]}
        />
      )}
    </Space>
  );
}
