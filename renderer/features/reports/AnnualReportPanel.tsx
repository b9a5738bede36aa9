/**
 * 年度落实机关党建主体责任情况报告: 主送, 成文日期 and the drafts the cadre edits (saved and
 * versioned, starting from `defaultAnnualDrafts`), then 生成 PDF. In the committee's read-only
 * view of a unit the drafts are the generated text, not editable and not saved: a unit's drafts
 * stay on the unit's PC.
 */
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';
import { draftsToShow } from '../../../shared/reports/annualDutiesText';
import type { IsoDate } from '../../../shared/rules/dates';
import { asOfFor, DEFAULT_ADDRESSEE, reportFileName } from '../common/reportFiles';
import { useLoadedRuleProfile } from '../common/useLoadedRuleProfile';
import { usePdfJob } from '../common/usePdfJob';
import { useUnitScope } from '../common/unitScope';
import { addresseeHint } from './addresseeHint';
import { DraftsEditor } from './DraftsEditor';
import { DraftToolbar } from './DraftToolbar';
import { useAnnualPreparation } from './useAnnualPreparation';
import { useDraftSaving } from './useDraftSaving';

export const ANNUAL_REPORT_NAME = '年度落实机关党建主体责任情况报告';

export function AnnualReportPanel({ year }: { year: number }) {
  const { unitId, readOnly } = useUnitScope();
  const profile = useLoadedRuleProfile();
  const pdf = usePdfJob();
  const prepared = useAnnualPreparation(unitId, year, profile, readOnly);
  // what the user changed; until then the prepared text (the panel is keyed by unit and year)
  const [editedDrafts, setDrafts] = useState<AnnualDrafts | null>(null);
  const [editedAddressee, setAddressee] = useState<string | null>(null);
  const [date, setDate] = useState<IsoDate>(asOfFor(year));
  const ready = prepared.state === 'ready' ? prepared : null;
  const drafts = editedDrafts ?? ready?.drafts ?? null;
  const addressee = editedAddressee ?? ready?.addressee ?? '';
  const saving = useDraftSaving(unitId, year, drafts, addressee, ready?.defaults ?? null);

  if (prepared.state === 'failed') return <Alert type="error" showIcon title={`未能准备报告草稿：${prepared.message}`} description="请重新打开本页；如仍失败，请重新启动程序。" />;
  if (prepared.state === 'no-unit')
    return (
      <Alert
        type="warning"
        showIcon
        title="没有找到该单位的基本信息，无法生成年度报告。"
        description={readOnly ? '该单位尚未报送完整数据：请在“同步”中导入该单位的同步包后再试。' : '请先在“设置”中完成单位信息。'}
      />
    );
  if (ready === null || drafts === null || profile === undefined) return <Spin description="正在准备报告草稿…" />;

  const generate = async () => {
    if (!readOnly && saving.dirty && !(await saving.save())) return;
    await pdf.run(
      { kind: 'annual', snapshot: { unitId, year, asOf: asOfFor(year), committeeName: addressee.trim() || DEFAULT_ADDRESSEE, profile }, drafts, date },
      reportFileName(ready.unitName, ANNUAL_REPORT_NAME, year),
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="annual-report">
      {readOnly && (
        <Alert
          type="info"
          showIcon
          data-testid="annual-read-only"
          title="工委端没有该单位在本单位电脑上保存的报告草稿"
          description="以下“开头”“存在问题及原因”“下一步打算”是系统根据该单位报送的数据生成的文字（只读，不保存），与单位未修改草稿时打印的报告一致；单位实际报送的报告以单位打印的为准。"
        />
      )}
      <Form layout="inline">
        <Form.Item
          label="主送"
          htmlFor="annual-addressee"
          extra={addresseeHint(addressee) === null ? undefined : <span data-testid="addressee-hint">{addresseeHint(addressee)}</span>}
        >
          <Input id="annual-addressee" value={addressee} onChange={(e) => setAddressee(e.target.value)} style={{ width: 300 }} maxLength={60} />
        </Form.Item>
        <Form.Item label="成文日期" htmlFor="annual-date">
          <DatePicker id="annual-date" value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD') as IsoDate)} />
        </Form.Item>
      </Form>
      <DraftsEditor value={drafts} onChange={setDrafts} disabled={pdf.running} readOnly={readOnly} rewritten={{ duties: drafts.duties.trim() !== ready.defaults.duties.trim() }} />
      {!readOnly && (
        <DraftToolbar
          saving={saving}
          running={pdf.running}
          onRestoreDefaults={() => setDrafts(ready.defaults)}
          onPick={(picked, pickedAddressee) => {
            setDrafts(draftsToShow(picked, ready.defaults));
            setAddressee(pickedAddressee);
          }}
        />
      )}
      <Button type="primary" onClick={() => void generate()} loading={pdf.running}>
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}
