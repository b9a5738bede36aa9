/**
 * 批量导入 (committee): pick many .tzb files (or, in Electron, a folder such as the USB stick) →
 * every file is read, verified and previewed (importBatch.checkBatch) into one summary table →
 * 全部导入 after ONE confirmation applies the ready ones, each in its own transaction, under one
 * progress bar with 取消 between bundles → a result per row. Bundles that need the fingerprint
 * confirmation are never pinned in the batch: each row offers 核对并导入 (the single import's preview).
 */
import { setDefaultBundleOpener } from '../../db/sync/bundleOpener';
import { openInWorker } from '../../workers/importOpenClient';
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Progress, Space, Typography } from 'antd';
import { FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { SkippedFile } from '../../../shared/ipc/batchFiles';
import type { OpenedFile } from '../../../shared/platform';
import { sessionWriteContext } from '../../db/session';
import { BUNDLE_FILTERS } from '../../db/sync/exportBundle';
import { backupBeforeImport } from '../common/automaticBackupBeforeImport';
import { applicableRows, applyBatch, checkBatch, recheckSender, type BatchOutcome, type BatchProgress, type BatchRow } from '../../db/sync/importBatch';
import { platform } from '../../platform';
import { BatchRowsTable } from './BatchRowsTable';
import { ConfirmOneModal } from './ConfirmOneModal';
import { useRefusedImports } from './refusedImports';

// the import's verify and open run in the session's import worker (the window stays responsive)
setDefaultBundleOpener(openInWorker);

type Phase = 'idle' | 'reading' | 'checking' | 'checked' | 'applying';

/** Rows not yet settled: never tried, held back, or cancelled. */
function pending(rows: readonly BatchRow[], outcomes: ReadonlyMap<number, BatchOutcome>): BatchRow[] {
  return rows.filter((r) => {
    const o = outcomes.get(r.key);
    return !o || o.kind === 'skipped' || o.kind === 'cancelled';
  });
}

/** The units whose bundles were applied (for 导出本批单位的回执). */
function appliedUnits(rows: readonly BatchRow[], outcomes: ReadonlyMap<number, BatchOutcome>): string[] {
  const ids = new Set<string>();
  for (const r of rows) if (outcomes.get(r.key)?.kind === 'applied' && (r.check.kind === 'ready' || r.check.kind === 'needs-confirmation')) ids.add(r.check.summary.senderId);
  return [...ids];
}

export function BatchImportPanel({ onUnitsImported }: { onUnitsImported: (unitIds: string[]) => void }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, BatchOutcome>>(new Map());
  const [skipped, setSkipped] = useState<SkippedFile[]>([]);
  const [source, setSource] = useState('');
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BatchRow | null>(null);
  const [stopping, setStopping] = useState(false);
  const stop = useRef(false);
  const addRefusal = useRefusedImports((s) => s.add);
  const { modal } = App.useApp();

  function refuse(fileName: string, kind: string, reason: string) {
    addRefusal({ at: new Date().toISOString(), fileName, kind, reason });
  }

  async function check(files: OpenedFile[], from: string) {
    setPhase('checking');
    setSource(from);
    const checked = await checkBatch(await sessionWriteContext(), files, { onProgress: setProgress });
    for (const r of checked) if (r.check.kind === 'refused') refuse(r.fileName, r.check.errorKind, r.check.reason);
    setRows(checked);
    setOutcomes(new Map());
    setProgress(null);
    setPhase('checked');
  }

  async function pick(kind: 'files' | 'folder') {
    setError(null);
    setPhase('reading');
    try {
      if (kind === 'files') {
        const picked = await platform().openFiles(BUNDLE_FILTERS);
        setSkipped(picked.skipped);
        if (picked.files.length === 0) {
          if (picked.skipped.length > 0) setError('所选文件都不能读取，见下面的说明。');
          return setPhase(rows.length > 0 ? 'checked' : 'idle');
        }
        await check(picked.files, `已选择 ${picked.files.length} 个文件`);
      } else {
        const folder = await platform().openFolder(['tzb']);
        if (!folder) return setPhase(rows.length > 0 ? 'checked' : 'idle');
        setSkipped(folder.skipped);
        if (folder.files.length === 0) {
          setError(`文件夹“${folder.folderName}”中没有同步包（.tzb 文件）。请确认选择了单位报送同步包所在的文件夹（不含下级文件夹）。`);
          return setPhase(rows.length > 0 ? 'checked' : 'idle');
        }
        await check(folder.files, `文件夹“${folder.folderName}”中的 ${folder.files.length} 个同步包`);
      }
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '读取同步包失败：本机数据存储出错。请重试；如仍失败，请重新启动程序。');
      setPhase(rows.length > 0 ? 'checked' : 'idle');
    }
  }

  async function applyAll() {
    const todo = pending(rows, outcomes);
    setPhase('applying');
    setStopping(false);
    stop.current = false;
    let merged: ReadonlyMap<number, BatchOutcome> = outcomes;
    try {
      // one automatic backup before the whole batch (the desktop app)
      const notBackedUp = await backupBeforeImport();
      if (notBackedUp) {
        setError(notBackedUp);
        return;
      }
      const result = await applyBatch(await sessionWriteContext(), todo, {
        onProgress: setProgress,
        shouldStop: () => stop.current,
        onRowDone: (key, outcome) => setOutcomes((m) => new Map(m).set(key, outcome)),
      });
      merged = new Map([...outcomes, ...result]);
      setOutcomes(merged);
      for (const r of todo) {
        const o = result.get(r.key);
        if (o?.kind === 'refused' && r.check.kind !== 'refused') refuse(r.fileName, o.errorKind, o.reason);
      }
    } catch {
      setError('批量导入中断：本机数据存储出错。已导入的同步包不受影响，其余没有导入。请重试；如仍失败，请重新启动程序。');
    } finally {
      setProgress(null);
      setPhase('checked');
      onUnitsImported(appliedUnits(rows, merged));
    }
  }

  function confirmAll() {
    const todo = applicableRows(pending(rows, outcomes));
    const units = new Set(todo.map((r) => r.check.summary.senderId)).size;
    const held = pending(rows, outcomes).filter((r) => r.check.kind === 'needs-confirmation').length;
    modal.confirm({
      title: `导入 ${todo.length} 个同步包（${units} 个单位）？`,
      content: (
        <Space orientation="vertical">
          <span>每个同步包单独写入：一个出错不影响其他，已写入的不会回退。导入过程中可以点“取消”，当前同步包写完后停止。</span>
          {held > 0 && <span>另有 {held} 个同步包需先电话核对密钥指纹，不随本次导入，请在表中逐个“核对并导入”。</span>}
        </Space>
      ),
      okText: '全部导入',
      cancelText: '取消',
      onOk: () => {
        void applyAll();
      },
    });
  }

  async function afterConfirmOne(row: BatchRow, outcome: BatchOutcome | null) {
    setConfirming(null);
    if (!outcome || (row.check.kind !== 'needs-confirmation' && row.check.kind !== 'ready')) return;
    const merged = new Map(outcomes).set(row.key, outcome);
    setOutcomes(merged);
    onUnitsImported(appliedUnits(rows, merged));
    const applied = new Set([...merged].filter(([, o]) => o.kind === 'applied').map(([k]) => k));
    setRows(await recheckSender(await sessionWriteContext(), rows, row.check.summary.senderId, applied));
  }

  function clear() {
    setRows([]);
    setOutcomes(new Map());
    setSkipped([]);
    setError(null);
    setPhase('idle');
  }

  const busy = phase === 'reading' || phase === 'checking' || phase === 'applying';
  const ready = applicableRows(pending(rows, outcomes)).length;
  return (
    <Card title="批量导入" data-testid="batch-import">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          一次选择多个单位报送的同步包（.tzb）{platform().kind === 'electron' ? '，或选择一个文件夹（例如U盘）读取其中全部同步包' : ''}。
          每个文件都先校验、预览，列在下表中；确认后逐个写入，每个同步包单独成一次导入。首次报送的单位需电话核对密钥指纹，请在表中逐个核对后导入。
        </Typography.Text>
        <Space wrap>
          <Button type="primary" icon={<ImportOutlined />} loading={phase === 'reading' || phase === 'checking'} disabled={busy} onClick={() => void pick('files')}>
            选择多个同步包
          </Button>
          {platform().kind === 'electron' && (
            <Button icon={<FolderOpenOutlined />} disabled={busy} onClick={() => void pick('folder')}>
              选择文件夹
            </Button>
          )}
          {rows.length > 0 && (
            <Button type="primary" disabled={busy || ready === 0} onClick={confirmAll}>
              全部导入（{ready} 个）
            </Button>
          )}
          {phase === 'applying' && (
            <Button
              danger
              disabled={stopping}
              onClick={() => {
                stop.current = true;
                setStopping(true);
              }}
            >
              {stopping ? '正在停止…' : '取消'}
            </Button>
          )}
          {rows.length > 0 && !busy && <Button onClick={clear}>清空列表</Button>}
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="batch-error" />}
        {skipped.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`有 ${skipped.length} 个文件没有读取`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {skipped.slice(0, 20).map((s) => (
                  <li key={s.name}>
                    {s.name}：{s.reason}
                  </li>
                ))}
                {skipped.length > 20 && <li>……共 {skipped.length} 个</li>}
              </ul>
            }
          />
        )}
        {progress && busy && (
          <Progress percent={progress.percent} status="active" format={(p) => `${p ?? 0}%`} data-testid="batch-progress" />
        )}
        {progress && busy && <Typography.Text type="secondary">{phase === 'checking' ? `正在核对 ${progress.label}` : `正在导入 ${progress.label}`}</Typography.Text>}
        {rows.length > 0 && (
          <>
            <Typography.Text data-testid="batch-source">{source}</Typography.Text>
            <BatchRowsTable rows={rows} outcomes={outcomes} busy={busy} onConfirmOne={setConfirming} />
          </>
        )}
      </Space>
      {confirming && <ConfirmOneModal row={confirming} onClose={(o) => void afterConfirmOne(confirming, o)} />}
    </Card>
  );
}
