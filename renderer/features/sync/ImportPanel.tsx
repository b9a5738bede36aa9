/**
 * 导入同步包 (both sides): pick a .tzb → every check of the codec → a preview (from whom, which
 * bundle, counts per table, what will change, conflicts; on first contact the key fingerprint to
 * confirm by phone; at the committee, a unit with no register entry — after a key restore — is offered
 * 重新纳入 under its existing id, confirmed the same way) → 确认导入 applies it in one transaction. A progress bar follows the stages
 * (读取 → 校验签名 → 解密 → 校验数据 n/N → 比对本机数据, then 写入). Every refusal is shown in
 * Chinese and listed in this session's 导入记录 (refusedImports.ts).
 */
import { setDefaultBundleOpener } from '../../db/sync/bundleOpener';
import { openInWorker } from '../../workers/importOpenClient';
import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Steps, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import { sessionWriteContext } from '../../db/session';
import { backupBeforeImport } from '../common/automaticBackupBeforeImport';
import { applyImport, prepareImport, type ImportPreview, type ImportSummary } from '../../db/sync/importBundle';
import { BUNDLE_FILTERS } from '../../db/sync/exportBundle';
import type { ImportProgressEvent } from '../../db/sync/importProgress';
import { platform } from '../../platform';
import { PreviewView } from './ImportPreviewView';
import { useRefusedImports } from './refusedImports';

// the import's verify and open run in the session's import worker (the window stays responsive)
setDefaultBundleOpener(openInWorker);

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
      const notBackedUp = await backupBeforeImport();
      if (notBackedUp) {
        setError(notBackedUp);
        return;
      }
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
