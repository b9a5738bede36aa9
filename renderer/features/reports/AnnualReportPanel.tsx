/**
 * 年度落实机关党建主体责任情况报告: 主送, 成文日期 and the drafts the cadre edits (saved and
 * versioned, starting from `defaultAnnualDrafts`), then 生成 PDF.
 */
import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultAnnualDrafts, type AnnualDrafts } from '../../../shared/reports/annualDrafts';
import { computeAnnualFigures, unitReportData } from '../../../shared/reports/reportData';
import type { IsoDate } from '../../../shared/rules/dates';
import { appDatabase } from '../../db/db';
import type { WorkspaceRow } from '../../db/localTypes';
import { latestReportDraft, reportDraftVersions, saveReportDraft } from '../../db/reportDraftRepository';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';
import { DraftsEditor } from './DraftsEditor';
import { asOfFor, DEFAULT_ADDRESSEE, enrolledCommitteeName, loadUnitRecords, reportFileName } from './reportSources';
import { usePdfJob } from './usePdfJob';

export const ANNUAL_REPORT_NAME = '年度落实机关党建主体责任情况报告';

interface Loaded {
  drafts: AnnualDrafts;
  defaults: AnnualDrafts;
  addressee: string;
}

export function AnnualReportPanel({ workspace, year }: { workspace: WorkspaceRow; year: number }) {
  const profile = useRuleProfile();
  const write = useWriteAction();
  const pdf = usePdfJob();
  const unitId = workspace.ownerId;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [drafts, setDrafts] = useState<AnnualDrafts | null>(null);
  const [addressee, setAddressee] = useState('');
  const [date, setDate] = useState<IsoDate>(asOfFor(year));
  const versions = useLiveQuery(() => reportDraftVersions(appDatabase(), unitId, year), [unitId, year]);

  // the saved version, else the text generated from the year's figures
  useEffect(() => {
    let live = true;
    setLoaded(null);
    setDate(asOfFor(year));
    void (async () => {
      const [records, latest, committee] = await Promise.all([loadUnitRecords(), latestReportDraft(appDatabase(), unitId, year), enrolledCommitteeName()]);
      const data = unitReportData(records, { unitId, year, asOf: asOfFor(year), committeeName: committee ?? DEFAULT_ADDRESSEE, profile });
      const defaults = data === null ? { intro: '', problems: '', nextSteps: '' } : defaultAnnualDrafts(data, computeAnnualFigures(data));
      const next: Loaded = {
        defaults,
        drafts: latest ? { intro: latest.intro, problems: latest.problems, nextSteps: latest.nextSteps } : defaults,
        addressee: latest?.addressee || committee || DEFAULT_ADDRESSEE,
      };
      if (!live) return;
      setLoaded(next);
      setDrafts(next.drafts);
      setAddressee(next.addressee);
    })();
    return () => {
      live = false;
    };
  }, [unitId, year, profile]);

  if (loaded === null || drafts === null) return <Spin description="正在准备报告草稿…" />;

  const latest = versions?.at(-1);
  const dirty = latest === undefined || latest.intro !== drafts.intro || latest.problems !== drafts.problems || latest.nextSteps !== drafts.nextSteps || latest.addressee !== addressee.trim();

  const save = () => write((ctx) => saveReportDraft(ctx, { unitId, year, addressee, ...drafts }), { success: '草稿已保存' });

  const generate = async () => {
    if (dirty && (await save()) === null) return;
    await pdf.run(
      { unitId, year, asOf: asOfFor(year), committeeName: addressee.trim() || DEFAULT_ADDRESSEE, profile },
      { kind: 'annual', drafts, date },
      reportFileName(workspace.name, ANNUAL_REPORT_NAME, year),
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="annual-report">
      <Form layout="inline">
        <Form.Item label="主送" htmlFor="annual-addressee">
          <Input id="annual-addressee" value={addressee} onChange={(e) => setAddressee(e.target.value)} style={{ width: 300 }} maxLength={60} />
        </Form.Item>
        <Form.Item label="成文日期" htmlFor="annual-date">
          <DatePicker id="annual-date" value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD') as IsoDate)} />
        </Form.Item>
      </Form>
      <DraftsEditor value={drafts} onChange={setDrafts} disabled={pdf.running} />
      <Space wrap>
        <Button onClick={() => void save()} disabled={!dirty || pdf.running}>
          保存草稿
        </Button>
        <Button onClick={() => setDrafts(loaded.defaults)} disabled={pdf.running}>
          恢复为系统生成的文字
        </Button>
        {versions && versions.length > 1 && (
          <Select
            aria-label="历史版本"
            placeholder={`历史版本（${versions.length}）`}
            style={{ width: 260 }}
            value={null}
            options={[...versions].reverse().map((v, i) => ({ value: v.seq ?? 0, label: `第${versions.length - i}版 ${dayjs(v.savedAt).format('YYYY-MM-DD HH:mm')} ${v.savedBy}` }))}
            onChange={(seq) => {
              const v = versions.find((x) => x.seq === seq);
              if (v) {
                setDrafts({ intro: v.intro, problems: v.problems, nextSteps: v.nextSteps });
                setAddressee(v.addressee);
              }
            }}
          />
        )}
        <Typography.Text type="secondary" data-testid="draft-status">
          {latest ? `已保存第${versions?.length ?? 1}版（${dayjs(latest.savedAt).format('MM-DD HH:mm')}）${dirty ? '，有未保存的修改' : ''}` : '尚未保存（显示的是系统生成的文字）'}
        </Typography.Text>
      </Space>
      <Button type="primary" onClick={() => void generate()} loading={pdf.running}>
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}
