/**
 * 导入花名册: pick an .xlsx file → it is read in a worker (progress, 取消) → choose the sheet when
 * the workbook has several visible ones, check which column is which → preview every row (added,
 * updated or unchanged by ID number, skipped with all its reasons; warnings apart; rows that are not
 * people set aside; columns that are not imported named) → import only when confirmed, in one
 * transaction. The skipped rows can be downloaded as .xlsx with a 原因 column, fixed and imported
 * again. Nothing is written if the user cancels or the file is bad.
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Result, Select, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { fileNamePart } from '../../../shared/ipc/fileName';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { ROSTER_FIELDS, ROSTER_FIELD_LABELS, REQUIRED_ROSTER_FIELDS, type ColumnMapping, type RosterField } from '../../../shared/roster/rosterColumns';
import { findHeaderRow, type RosterAction, type RosterPlan, type RosterRowPlan } from '../../../shared/roster/rosterImport';
import type { ReadProgress, RosterWorkbook } from '../../../shared/roster/xlsxRead';
import { applyRosterPlan, type RosterImportSummary } from '../../db/memberRepository';
import { platform } from '../../platform';
import { planRosterFile, readRosterFile, RosterReadCancelled } from '../../workers/rosterReadClient';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';
import { problemRowsWorkbook } from './rosterProblems';

interface LoadedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

type Step =
  | { step: 'pick' }
  | { step: 'reading'; file: LoadedFile; progress: ReadProgress | null }
  | { step: 'map'; file: LoadedFile; workbook: RosterWorkbook; headerIndex: number; headerRow: number; headers: string[]; mapping: ColumnMapping; planning?: boolean }
  | { step: 'preview'; file: LoadedFile; plan: RosterPlan }
  | { step: 'done'; file: LoadedFile; plan: RosterPlan; summary: RosterImportSummary };

const ACTION_TAG: Record<RosterAction, { color: string; text: string }> = {
  add: { color: 'success', text: '新增' },
  update: { color: 'processing', text: '更新' },
  unchanged: { color: 'default', text: '无变化' },
  skip: { color: 'error', text: '跳过' },
};

/** Overall percentage: unzipping is the first fifth, reading the rows the rest. */
function percent(p: ReadProgress | null): number {
  if (!p) return 0;
  return Math.round(p.phase === 'unzip' ? p.fraction * 20 : 20 + p.fraction * 80);
}

function RowNotes({ row }: { row: RosterRowPlan }) {
  const parts: React.ReactNode[] = [];
  if (row.reasons.length > 0) {
    parts.push(
      <Typography.Text key="r" type="danger" data-testid="row-reasons">
        {row.reasons.map((r, i) => `${i + 1}. ${r}`).join('　')}
      </Typography.Text>,
    );
  }
  if (row.changes.length > 0) parts.push(<span key="c">将更新：{row.changes.join('、')}</span>);
  if (row.warnings.length > 0) {
    parts.push(
      <Typography.Text key="w" type="warning" data-testid="row-warnings">
        提示：{row.warnings.join('；')}
      </Typography.Text>,
    );
  }
  if (parts.length === 0) return <>—</>;
  return <Space orientation="vertical" size={2}>{parts}</Space>;
}

export function RosterImportModal({
  open,
  organisations,
  members,
  onClose,
}: {
  open: boolean;
  organisations: readonly Organisation[];
  members: readonly Member[];
  onClose: () => void;
}) {
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const job = useRef<{ cancel(): void } | null>(null);
  // a second click before the button shows it is busy must not apply the plan again
  const applying = useRef(false);
  const run = useWriteAction();

  const context = useMemo(() => {
    const byName = new Map<string, string>();
    for (const o of organisations) if (!o.dissolvedOn && !byName.has(o.name)) byName.set(o.name, o.id);
    return {
      organisationsByName: byName,
      existingByIdNumber: new Map(members.map((m) => [m.idNumber, { id: m.id, idNumber: m.idNumber, record: m }])),
      asOf: todayIso(),
    };
  }, [organisations, members]);

  function stopReading() {
    job.current?.cancel();
    job.current = null;
  }

  function close() {
    stopReading();
    setState({ step: 'pick' });
    setError(null);
    onClose();
  }

  /** Reads `file` (the given sheet, else the first visible one) in the worker, then shows the column mapping. */
  async function read(file: LoadedFile, sheetIndex?: number) {
    stopReading();
    setError(null);
    setState({ step: 'reading', file, progress: null });
    const current = readRosterFile(file.bytes, {
      ...(sheetIndex === undefined ? {} : { sheetIndex }),
      onProgress: (progress) => setState((s) => (s.step === 'reading' && s.file === file ? { ...s, progress } : s)),
    });
    job.current = current;
    try {
      const result = await current.promise;
      if (job.current !== current) return;
      job.current = null;
      if (!result.ok) {
        setError(result.error.message);
        setState({ step: 'pick' });
        return;
      }
      const header = findHeaderRow(result.value.rows);
      setState({
        step: 'map',
        file,
        workbook: result.value,
        headerIndex: header.index,
        headerRow: header.rowNumber,
        headers: header.headers,
        mapping: header.mapping,
      });
    } catch (e) {
      if (e instanceof RosterReadCancelled) return;
      setError(`文件读取失败：${e instanceof Error ? e.message : String(e)}。请确认文件没有被其他程序占用后重试。`);
      setState({ step: 'pick' });
    }
  }

  async function pick() {
    setError(null);
    setBusy(true);
    try {
      const picked = await platform().openFile([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
      if (!picked) return;
      void read({ fileName: picked.name, bytes: picked.bytes });
    } catch {
      setError('文件读取失败，请确认文件没有被其他程序占用后重试。');
    } finally {
      setBusy(false);
    }
  }

  function cancelReading() {
    stopReading();
    setState({ step: 'pick' });
    setError('已取消读取。');
  }

  /** Plans every row in the worker (thousands of rows take seconds), then shows the preview. */
  async function toPreview() {
    if (state.step !== 'map') return;
    stopReading();
    const from = state;
    setError(null);
    setState({ ...from, planning: true });
    const current = planRosterFile(from.workbook.rows, context, from.mapping);
    job.current = current;
    try {
      const r = await current.promise;
      if (job.current !== current) return;
      job.current = null;
      if (!r.ok) {
        setError(r.problem.message);
        setState({ ...from, planning: false });
        return;
      }
      setState({ step: 'preview', file: from.file, plan: r.plan });
    } catch (e) {
      if (e instanceof RosterReadCancelled) return;
      setError(`核对花名册时出错：${e instanceof Error ? e.message : String(e)}。请重试。`);
      setState({ ...from, planning: false });
    }
  }

  function cancelPlanning() {
    if (state.step !== 'map') return;
    stopReading();
    setState({ ...state, planning: false });
  }

  async function confirm() {
    if (state.step !== 'preview' || applying.current) return;
    applying.current = true;
    setBusy(true);
    const { file, plan } = state;
    const summary = await run((ctx) => applyRosterPlan(ctx, plan));
    setBusy(false);
    applying.current = false;
    if (summary) setState({ step: 'done', file, plan, summary });
  }

  async function downloadProblems(file: LoadedFile, plan: RosterPlan) {
    const bytes = await problemRowsWorkbook(plan);
    const base = fileNamePart(file.fileName.replace(/\.xlsx$/i, ''), { fallback: '花名册' });
    await platform().saveFile(`${base}_未导入的行.xlsx`, bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
  }

  const downloadButton = (file: LoadedFile, plan: RosterPlan) =>
    plan.counts.skip > 0 ? (
      <Button icon={<DownloadOutlined />} onClick={() => void downloadProblems(file, plan)}>
        下载未导入的 {plan.counts.skip} 行（含原因）
      </Button>
    ) : null;

  const current = { pick: 0, reading: 0, map: 1, preview: 2, done: 3 }[state.step];
  let body: React.ReactNode = null;
  let footer: React.ReactNode[] = [
    <Button key="cancel" onClick={close}>
      取消
    </Button>,
  ];

  if (state.step === 'pick') {
    body = (
      <Space orientation="vertical" size={12}>
        <Typography.Paragraph>
          请选择花名册文件（Excel .xlsx，WPS、LibreOffice 另存的 .xlsx 均可）。表头可包含：姓名、性别、民族、出生日期（或出生年月）、身份证号、入党时间、转正时间、所在支部、联系电话、党员类别、学历、备注。
          其中<strong>姓名、身份证号、入党时间、所在支部</strong>为必需；“所在支部”须与组织树中的名称一致。已登记的党员按身份证号更新，不会重复。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">身份证号一列请设为“文本”格式：存成数字的身份证号末几位已经丢失，不会被导入。</Typography.Paragraph>
        <Button type="primary" icon={<FileExcelOutlined />} loading={busy} onClick={() => void pick()}>
          选择花名册文件
        </Button>
      </Space>
    );
  } else if (state.step === 'reading') {
    const p = state.progress;
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-reading">
        <Typography.Paragraph>
          正在读取“{state.file.fileName}”…{p?.phase === 'rows' && p.rows > 0 ? `已读 ${p.rows} 行` : ''}
        </Typography.Paragraph>
        <Progress percent={percent(p)} status="active" />
      </Space>
    );
    footer = [
      <Button key="stop" onClick={cancelReading}>
        取消
      </Button>,
    ];
  } else if (state.step === 'map') {
    const { workbook } = state;
    const visible = workbook.sheets.filter((s) => s.state === 'visible');
    const hidden = workbook.sheets.filter((s) => s.state !== 'visible');
    const columnOptions = state.headers.map((h, i) => ({ value: i, label: `第 ${i + 1} 列：${h.trim() || '（空）'}` }));
    const setField = (field: RosterField, col: number | undefined) => {
      const mapping = { ...state.mapping };
      if (col === undefined) delete mapping[field];
      else mapping[field] = col;
      setState({ ...state, mapping });
    };
    body = (
      <>
        {visible.length > 1 && (
          <Space style={{ marginBottom: 8 }} wrap>
            <span>工作簿中有 {visible.length} 个工作表，请选择花名册所在的工作表：</span>
            <Select
              style={{ width: 240 }}
              aria-label="工作表"
              value={workbook.sheetIndex}
              options={visible.map((s) => ({ value: s.index, label: s.name }))}
              onChange={(v: number) => void read(state.file, v)}
            />
          </Space>
        )}
        {hidden.length > 0 && (
          <Typography.Paragraph type="secondary" data-testid="hidden-sheets">
            已跳过隐藏的工作表：{hidden.map((s) => `“${s.name}”`).join('、')}。
          </Typography.Paragraph>
        )}
        <Typography.Paragraph>
          文件“{state.file.fileName}”，工作表“{workbook.sheets[workbook.sheetIndex]?.name}”，表头在第 {state.headerRow} 行。请核对每一项对应的列（已自动识别）：
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="field"
          scroll={{ y: 320 }}
          dataSource={ROSTER_FIELDS.map((field) => ({ field }))}
          columns={[
            {
              title: '台账字段',
              key: 'label',
              width: 160,
              render: (_, r) => (
                <span>
                  {ROSTER_FIELD_LABELS[r.field]}
                  {REQUIRED_ROSTER_FIELDS.includes(r.field) && <Typography.Text type="danger"> *</Typography.Text>}
                </span>
              ),
            },
            {
              title: '文件中的列',
              key: 'column',
              render: (_, r) => (
                <Select
                  allowClear
                  style={{ width: 320 }}
                  placeholder="（不导入）"
                  value={state.mapping[r.field]}
                  options={columnOptions}
                  onChange={(v: number | undefined) => setField(r.field, v)}
                  aria-label={`${ROSTER_FIELD_LABELS[r.field]}对应的列`}
                />
              ),
            },
          ]}
        />
      </>
    );
    footer = state.planning
      ? [
          <Button key="stop" onClick={cancelPlanning}>
            取消核对
          </Button>,
          <Button key="next" type="primary" loading>
            正在逐行核对…
          </Button>,
        ]
      : [
          ...footer,
          <Button key="next" type="primary" onClick={() => void toPreview()}>
            下一步：预览
          </Button>,
        ];
  } else if (state.step === 'preview') {
    const { plan } = state;
    const rows = onlyProblems ? plan.rows.filter((r) => r.action === 'skip' || r.warnings.length > 0) : plan.rows;
    body = (
      <>
        <Space size={12} style={{ marginBottom: 12 }} wrap data-testid="roster-counts">
          <Tag color="success">新增 {plan.counts.add} 人</Tag>
          <Tag color="processing">更新 {plan.counts.update} 人</Tag>
          <Tag>无变化 {plan.counts.unchanged} 人</Tag>
          <Tag color="error">跳过 {plan.counts.skip} 行</Tag>
          <Space size={4}>
            <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} aria-label="只看有问题的行" />
            <span>只看有问题或提示的行</span>
          </Space>
          {downloadButton(state.file, plan)}
        </Space>
        {plan.unmappedColumns.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="roster-unmapped"
            title={`以下列在台账中没有对应的项目，不会导入：${plan.unmappedColumns.join('、')}。`}
          />
        )}
        {plan.notPeople.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="roster-not-people"
            title={`以下 ${plan.notPeople.length} 行不是党员信息（合计、落款或空行），不导入：${plan.notPeople.map((r) => `第 ${r.rowNumber} 行“${r.text}”`).join('，')}。`}
          />
        )}
        <Table<RosterRowPlan>
          size="small"
          rowKey="rowNumber"
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ y: 340 }}
          data-testid="roster-preview"
          columns={[
            { title: '行号', dataIndex: 'rowNumber', key: 'row', width: 64 },
            { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
            { title: '处理', key: 'action', width: 80, render: (_, r) => <Tag color={ACTION_TAG[r.action].color}>{ACTION_TAG[r.action].text}</Tag> },
            { title: '原因与提示', key: 'notes', render: (_, r) => <RowNotes row={r} /> },
          ]}
        />
      </>
    );
    footer = [
      ...footer,
      <Button key="back" onClick={() => setState({ step: 'pick' })}>
        重新选择
      </Button>,
      <Button key="ok" type="primary" loading={busy} disabled={plan.counts.add + plan.counts.update === 0} onClick={() => void confirm()}>
        确认导入（{plan.counts.add + plan.counts.update} 人）
      </Button>,
    ];
  } else {
    const s = state.summary;
    body = (
      <Result
        status="success"
        title="花名册导入完成"
        subTitle={`新增 ${s.added} 人，更新 ${s.updated} 人，无变化 ${s.unchanged} 人，跳过 ${s.skipped} 行。`}
        extra={downloadButton(state.file, state.plan)}
      />
    );
    footer = [
      <Button key="close" type="primary" onClick={close}>
        完成
      </Button>,
    ];
  }

  return (
    <Modal open={open} title="导入花名册" width={900} onCancel={close} footer={footer} destroyOnHidden maskClosable={false}>
      <Steps size="small" current={current} style={{ marginBottom: 20 }} items={[{ title: '选择文件' }, { title: '核对列' }, { title: '预览' }, { title: '完成' }]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="roster-error" />}
      {body}
    </Modal>
  );
}
