/**
 * 核对并导入: one bundle of a batch that needs the fingerprint confirmation (a unit's first bundle,
 * or a re-admission) goes through the single import's preview and tick box, never through the batch.
 */
import { useEffect, useState } from 'react';
import { Alert, Modal, Spin } from 'antd';
import { sessionWriteContext } from '../../db/session';
import type { BatchOutcome, BatchRow } from '../../db/sync/importBatch';
import { backupBeforeImport } from '../common/automaticBackupBeforeImport';
import { applyImport, prepareImport, type ImportPreview } from '../../db/sync/importBundle';
import { PreviewView } from './ImportPreviewView';

type State = { step: 'loading' } | { step: 'preview'; preview: ImportPreview } | { step: 'error'; message: string };

const STORAGE_ERROR = '导入失败，数据库没有任何改动。请重试；如仍失败，请重新启动程序。';

export function ConfirmOneModal({ row, onClose }: { row: BatchRow; onClose: (outcome: BatchOutcome | null) => void }) {
  const [state, setState] = useState<State>({ step: 'loading' });
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const r = await prepareImport(await sessionWriteContext(), row.bytes);
        if (!live) return;
        setState(r.ok ? { step: 'preview', preview: r.value } : { step: 'error', message: r.error.message });
      } catch {
        if (live) setState({ step: 'error', message: '读取同步包失败：本机数据存储出错。请重试；如仍失败，请重新启动程序。' });
      }
    })();
    return () => {
      live = false;
    };
  }, [row]);

  async function apply() {
    if (state.step !== 'preview') return;
    setBusy(true);
    try {
      const notBackedUp = await backupBeforeImport();
      if (notBackedUp) {
        setState({ step: 'error', message: notBackedUp });
        return;
      }
      const r = await applyImport(await sessionWriteContext(), state.preview, { fingerprintConfirmed: confirmed });
      if (r.ok) onClose({ kind: 'applied', summary: r.value });
      else setState({ step: 'error', message: r.error.message });
    } catch {
      setState({ step: 'error', message: STORAGE_ERROR });
    } finally {
      setBusy(false);
    }
  }

  const preview = state.step === 'preview' ? state.preview : null;
  return (
    <Modal
      open
      width={900}
      title={`核对并导入：${row.fileName}`}
      okText="确认导入"
      cancelText="取消"
      okButtonProps={{ disabled: !preview || (preview.firstContact && !confirmed), loading: busy }}
      onOk={() => void apply()}
      onCancel={() => onClose(null)}
      data-testid="confirm-one"
    >
      {state.step === 'loading' && <Spin description="正在读取并校验同步包…" />}
      {state.step === 'error' && <Alert type="error" showIcon title={state.message} />}
      {preview && <PreviewView preview={preview} fileName={row.fileName} confirmed={confirmed} onConfirmed={setConfirmed} />}
    </Modal>
  );
}
