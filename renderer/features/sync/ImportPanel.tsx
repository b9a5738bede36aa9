/**
 * 导入同步包 (both sides): pick a .tzb → every check of the codec → a preview (from whom, which
 * bundle, counts per table, what will change, conflicts; on first contact the key fingerprint to
 * confirm by phone; at the committee, a unit with no register entry — after a key restore — is offered
 * 重新纳入 under its existing id, confirmed the same way) → 确认导入 applies it in one transaction. A progress bar follows the stages
 * (读取 → 校验签名 → 解密 → 校验数据 n/N → 比对本机数据, then 写入). Every refusal is shown in
 * Chinese and listed in this session's 导入记录 (refusedImports.ts).
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Progress, Space, Steps, Table, Tag, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import { RECORD_TABLE_LABELS, type RecordTable } from '../../../shared/model/tables';
import { sessionWriteContext } from '../../db/session';
import { applyImport, prepareImport, type ImportPreview, type ImportSummary, type TableCounts } from '../../db/sync/importBundle';
import { BUNDLE_FILTERS } from '../../db/sync/exportBundle';
import type { ImportProgressEvent } from '../../db/sync/importProgress';
import { platform } from '../../platform';
import { useRefusedImports } from './refusedImports';

type State = { step: 'pick' } | { step: 'preview'; fileName: string; preview: ImportPreview } | { step: 'done'; summary: ImportSummary; fileName: string };

export function ImportPanel({ title, hint }: { title: string; hint: string }) {
  const [state, setState] = useState<State>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [progress, setProgress] = useState<ImportProgressEvent | null>(null);
  const addRefusal = useRefusedImports((s) => s.add);

  function refuse(fileName: string, kind: string, reason: string) {
    setError(reason);
    setProgress(null);
    addRefusal({ at: new Date().toISOString(), fileName, kind, reason });
  }

  async function pick() {
    setError(null);
    setBusy(true);
    let fileName = '';
    try {
      const file = await platform().openFile([...BUNDLE_FILTERS]);
      if (!file) return;
      fileName = file.name;
      const r = await prepareImport(await sessionWriteContext(), file.bytes, { onProgress: setProgress });
      if (!r.ok) refuse(file.name, r.error.kind, r.error.message);
      else {
        setProgress(null);
        setConfirmed(false);
        setState({ step: 'preview', fileName: file.name, preview: r.value });
      }
    } catch (e) {
      const reason = isExpectedFailure(e) ? e.error.message : '读取同步包失败：本机数据存储出错。请重试；如仍失败，请重新启动程序。';
      if (fileName) refuse(fileName, isExpectedFailure(e) ? e.error.kind : 'storage-error', reason);
      else setError(reason);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (state.step !== 'preview') return;
    setBusy(true);
    setError(null);
    try {
      const r = await applyImport(await sessionWriteContext(), state.preview, { fingerprintConfirmed: confirmed, onProgress: setProgress });
      if (!r.ok) refuse(state.fileName, r.error.kind, r.error.message);
      else setState({ step: 'done', summary: r.value, fileName: state.fileName });
    } catch {
      refuse(state.fileName, 'storage-error', '导入失败，数据库没有任何改动。请重试；如仍失败，请重新启动程序。');
    } finally {
      setBusy(false);
    }
  }

  const current = { pick: 0, preview: 1, done: 2 }[state.step];
  return (
    <Card title={title} data-testid="import-panel">
      <Steps size="small" current={current} style={{ marginBottom: 16 }} items={[{ title: '选择文件' }, { title: '核对预览' }, { title: '完成' }]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="sync-error" />}
      {progress && (busy || state.step === 'done') && (
        <Progress
          percent={state.step === 'done' ? 100 : progress.percent}
          status={state.step === 'done' ? 'success' : 'active'}
          format={(p) => `${p ?? 0}% ${state.step === 'done' ? '完成' : progress.label}`}
          style={{ marginBottom: 12 }}
          data-testid="import-progress"
        />
      )}
      {state.step === 'pick' && (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{hint}</Typography.Text>
          <Button type="primary" icon={<ImportOutlined />} loading={busy} onClick={() => void pick()}>
            选择同步包
          </Button>
        </Space>
      )}
      {state.step === 'preview' && <PreviewView preview={state.preview} fileName={state.fileName} confirmed={confirmed} onConfirmed={setConfirmed} />}
      {state.step === 'preview' && (
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => setState({ step: 'pick' })}>取消</Button>
          <Button type="primary" loading={busy} disabled={state.preview.firstContact && !confirmed} onClick={() => void apply()}>
            确认导入
          </Button>
        </Space>
      )}
      {state.step === 'done' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={`已导入“${state.fileName}”：写入 ${state.summary.written} 条，无变化 ${state.summary.unchanged} 条，较旧未采用 ${state.summary.older} 条${state.summary.conflicts ? `，冲突 ${state.summary.conflicts} 条（见冲突记录）` : ''}。${state.summary.readmitted ? '已将该单位重新纳入管理，并登记了它的密钥。' : state.summary.pinned ? '已登记该单位的密钥。' : ''}`}
          />
          {state.summary.clockWarning && <Alert type="warning" showIcon title={state.summary.clockWarning} />}
          <Button
            onClick={() => {
              setProgress(null);
              setState({ step: 'pick' });
            }}
          >
            继续导入
          </Button>
        </Space>
      )}
    </Card>
  );
}

const ACTIONS: { key: keyof TableCounts | 'conflicts'; title: string }[] = [
  { key: 'new', title: '新增' },
  { key: 'update', title: '更新' },
  { key: 'unchanged', title: '无变化' },
  { key: 'older', title: '较旧（不采用）' },
  { key: 'conflicts', title: '冲突' },
];

function PreviewView({ preview, fileName, confirmed, onConfirmed }: { preview: ImportPreview; fileName: string; confirmed: boolean; onConfirmed: (v: boolean) => void }) {
  const h = preview.header;
  const rows = [...preview.tables].map(([table, c]) => ({
    table,
    new: c.new,
    update: c.update + c['update-conflict'],
    unchanged: c.unchanged + c.protected,
    older: c.older,
    conflicts: c['update-conflict'] + c['older-conflict'],
  }));
  // The name the unit gives itself in its own unit record, to confirm along with the fingerprint.
  const ownName = preview.opened.records.unit?.find((u) => u.id === h.senderUnitId)?.name ?? null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="文件">{fileName}</Descriptions.Item>
        <Descriptions.Item label="发送方">{preview.senderName || h.senderUnitId}</Descriptions.Item>
        {ownName !== null && !preview.readmit && (
          <Descriptions.Item label="单位自报名称" span={2}>
            <span data-testid="sender-own-name">{ownName}</span>
            {preview.senderName && ownName !== preview.senderName && (
              <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>
                与纳管登记的名称“{preview.senderName}”不一致，请核实是否为同一单位
              </Typography.Text>
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="同步包序号">第 {h.sequence} 号</Descriptions.Item>
        <Descriptions.Item label="范围">{h.snapshot ? '完整数据' : `变更 ${h.changeRange!.fromSeq}–${h.changeRange!.toSeq}`}</Descriptions.Item>
        <Descriptions.Item label="生成时间">{new Date(h.createdAt).toLocaleString('zh-CN')}</Descriptions.Item>
        <Descriptions.Item label="发送方密钥指纹">
          <Typography.Text code data-testid="sender-fingerprint">
            {preview.senderFingerprint}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {preview.readmit && (
        <Alert
          type="warning"
          showIcon
          data-testid="readmit-notice"
          title={`重新纳入管理：${preview.senderName}`}
          description={
            <Space orientation="vertical">
              <span>本机没有该单位的登记记录（例如工委密钥从备份恢复后）。该同步包是发给本工委的。请与该单位电话核对单位名称和密钥指纹，确认后将其重新纳入管理。</span>
              <span>
                单位名称（单位自报）：<Typography.Text strong data-testid="readmit-unit-name">{preview.senderName}</Typography.Text>；密钥指纹：
                <Typography.Text code>{preview.senderFingerprint}</Typography.Text>
              </span>
              <span>请用本工委掌握的电话号码联系该单位（不要用同步包中的联系方式），请对方打开“设置”页念出“签名密钥指纹”，逐位核对。一致才能导入：该单位将以原有的单位编号重新登记，本机此后只接受这把密钥签名的同步包。</span>
              {!preview.keyCard && <span>注意：同步包中没有该设备的加密公钥，暂时无法给该单位生成回执。</span>}
              <Checkbox checked={confirmed} onChange={(e) => onConfirmed(e.target.checked)}>
                已与单位电话核对，密钥指纹一致
              </Checkbox>
            </Space>
          }
        />
      )}
      {preview.firstContact && !preview.readmit && (
        <Alert
          type="warning"
          showIcon
          title="首次接收该单位的同步包"
          description={
            <Space orientation="vertical">
              <span>请打电话给“{preview.senderName}”，核对单位名称，并请对方打开“设置”页念出“签名密钥指纹”，与上面的指纹逐位核对。一致才能导入；导入后本机将只接受这把密钥签名的同步包。</span>
              {!preview.keyCard && <span>注意：同步包中没有该设备的加密公钥，暂时无法给该单位生成回执。</span>}
              <Checkbox checked={confirmed} onChange={(e) => onConfirmed(e.target.checked)}>
                已与单位电话核对，密钥指纹一致
              </Checkbox>
            </Space>
          }
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="table"
        dataSource={rows}
        data-testid="import-counts"
        columns={[
          { title: '数据类型', key: 'table', render: (_, r) => RECORD_TABLE_LABELS[r.table as RecordTable] },
          ...ACTIONS.map((a) => ({
            title: a.title,
            key: a.key,
            render: (_: unknown, r: Record<string, unknown>) => {
              const v = r[a.key] as number;
              return v > 0 && a.key === 'conflicts' ? <Tag color="warning">{v}</Tag> : v;
            },
          })),
        ]}
      />
      {preview.attachmentCount > 0 && <Typography.Text type="secondary">附件文件 {preview.attachmentCount} 个。</Typography.Text>}
    </Space>
  );
}
