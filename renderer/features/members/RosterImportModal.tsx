/**
 * 导入花名册: pick an .xlsx file → check which column is which → preview every row (added,
 * updated by ID number, skipped with reasons) → import only when confirmed, in one transaction.
 * Nothing is written if the user cancels or the file is bad.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Modal, Result, Select, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { ROSTER_FIELDS, ROSTER_FIELD_LABELS, REQUIRED_ROSTER_FIELDS, type ColumnMapping, type RosterField } from '../../../shared/roster/rosterColumns';
import { findHeaderRow, planRosterImport, type RosterPlan, type RosterRowPlan } from '../../../shared/roster/rosterImport';
import { applyRosterPlan, type RosterImportSummary } from '../../db/memberRepository';
import { platform } from '../../platform';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';
import { readFirstSheet } from './xlsxSheet';

type Step =
  | { step: 'pick' }
  | { step: 'map'; fileName: string; rows: unknown[][]; headerIndex: number; mapping: ColumnMapping }
  | { step: 'preview'; fileName: string; plan: RosterPlan }
  | { step: 'done'; summary: RosterImportSummary };

const ACTION_TAG: Record<RosterRowPlan['action'], { color: string; text: string }> = {
  add: { color: 'success', text: '新增' },
  update: { color: 'processing', text: '更新' },
  skip: { color: 'error', text: '跳过' },
};

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

  function close() {
    setState({ step: 'pick' });
    setError(null);
    onClose();
  }

  async function pick() {
    setError(null);
    setBusy(true);
    try {
      const file = await platform().openFile([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
      if (!file) return;
      const rows = await readFirstSheet(file.bytes);
      const { index, mapping } = findHeaderRow(rows);
      setState({ step: 'map', fileName: file.name, rows, headerIndex: index, mapping });
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '文件读取失败，请确认文件没有被其他程序占用后重试。');
    } finally {
      setBusy(false);
    }
  }

  function toPreview() {
    if (state.step !== 'map') return;
    const r = planRosterImport(state.rows, context, state.mapping);
    if (!r.ok) {
      setError(r.problem.message);
      return;
    }
    setError(null);
    setState({ step: 'preview', fileName: state.fileName, plan: r.plan });
  }

  async function confirm() {
    if (state.step !== 'preview') return;
    setBusy(true);
    const summary = await run((ctx) => applyRosterPlan(ctx, state.plan));
    setBusy(false);
    if (summary) setState({ step: 'done', summary });
  }

  const current = { pick: 0, map: 1, preview: 2, done: 3 }[state.step];
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
          请选择花名册文件（Excel .xlsx）。表头可包含：姓名、性别、民族、出生日期、身份证号、入党时间、转正时间、所在支部、联系电话、党员类别。
          其中<strong>姓名、身份证号、入党时间、所在支部</strong>为必需；“所在支部”须与组织树中的名称一致。已登记的党员按身份证号更新，不会重复。
        </Typography.Paragraph>
        <Button type="primary" icon={<FileExcelOutlined />} loading={busy} onClick={() => void pick()}>
          选择花名册文件
        </Button>
      </Space>
    );
  } else if (state.step === 'map') {
    const header = state.rows[state.headerIndex] ?? [];
    const columnOptions = header.map((h, i) => ({ value: i, label: `第 ${i + 1} 列：${String(h ?? '').trim() || '（空）'}` }));
    const setField = (field: RosterField, col: number | undefined) => {
      const mapping = { ...state.mapping };
      if (col === undefined) delete mapping[field];
      else mapping[field] = col;
      setState({ ...state, mapping });
    };
    body = (
      <>
        <Typography.Paragraph>
          文件“{state.fileName}”，表头在第 {state.headerIndex + 1} 行。请核对每一项对应的列（已自动识别）：
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="field"
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
    footer = [...footer, <Button key="next" type="primary" onClick={toPreview}>下一步：预览</Button>];
  } else if (state.step === 'preview') {
    const { plan } = state;
    const rows = onlyProblems ? plan.rows.filter((r) => r.action === 'skip' || r.messages.length > 0) : plan.rows;
    body = (
      <>
        <Space size={12} style={{ marginBottom: 12 }} wrap>
          <Tag color="success">新增 {plan.counts.add} 人</Tag>
          <Tag color="processing">更新 {plan.counts.update} 人</Tag>
          <Tag color="error">跳过 {plan.counts.skip} 行</Tag>
          <Space size={4}>
            <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} />
            <span>只看有问题的行</span>
          </Space>
        </Space>
        <Table<RosterRowPlan>
          size="small"
          rowKey="rowNumber"
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ y: 360 }}
          data-testid="roster-preview"
          columns={[
            { title: '行号', dataIndex: 'rowNumber', key: 'row', width: 70 },
            { title: '姓名', dataIndex: 'name', key: 'name', width: 100 },
            { title: '处理', key: 'action', width: 80, render: (_, r) => <Tag color={ACTION_TAG[r.action].color}>{ACTION_TAG[r.action].text}</Tag> },
            { title: '说明', key: 'messages', render: (_, r) => r.messages.join('；') || '—' },
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
      />
    );
    footer = [
      <Button key="close" type="primary" onClick={close}>
        完成
      </Button>,
    ];
  }

  return (
    <Modal open={open} title="导入花名册" width={820} onCancel={close} footer={footer} destroyOnHidden maskClosable={false}>
      <Steps size="small" current={current} style={{ marginBottom: 20 }} items={[{ title: '选择文件' }, { title: '核对列' }, { title: '预览' }, { title: '完成' }]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="roster-error" />}
      {body}
    </Modal>
  );
}
