/**
 * 从台账备份恢复: pick a `.tzbak` file, type its passphrase; the whole file is checked before
 * anything is written, then everything is written in one transaction (renderer/db/backup/restore.ts).
 * Used by the setup screen and by 设置 (only while the workspace is empty). On success the app opens
 * 设置, where BackupCard says what to do next (the restored PC has a new device identity).
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { BACKUP_LIMITS } from '../../../shared/backup/format';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { OpenedFile } from '../../../shared/platform';
import { createDataKeyFor, StartupPassphraseFields, type ProtectionAvailability } from './StartupPassphrase';
import { restoreBackup, type RestoredWorkspace, type RestoreStage } from '../../db/backup/restore';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';
import { BACKUP_FILTERS } from './backupFile';
import { StageProgressBar, useStageProgress } from './StageProgress';

const STAGES: Readonly<Record<RestoreStage, string>> = {
  encrypt: '',
  scrypt: '正在用口令计算解密密钥（约需几秒钟，请稍候）…',
  decrypt: '正在解密备份…',
  verify: '正在逐条校验备份内容…',
  write: '正在写入本机（全部成功或全部不写）…',
};

interface Values {
  passphrase?: string;
  startupPassphrase?: string;
}

/**
 * `newDataKey`: on a PC not set up yet (初始设置 → 从台账备份恢复) the workspace's data key is made
 * first — kept by the OS, or under the 开机口令 asked for here — so that the restored ID numbers,
 * phones and 慰问事由 are sealed as they are written. Absent in 设置, where the key exists.
 */
export function WorkspaceRestoreForm({ onRestored, intro, newDataKey }: { onRestored: (restored: RestoredWorkspace) => void; intro: React.ReactNode; newDataKey?: ProtectionAvailability }) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = useStageProgress(STAGES);

  async function pick() {
    setError(null);
    try {
      const picked = await platform().openFile(BACKUP_FILTERS);
      if (!picked) return;
      if (picked.bytes.length > BACKUP_LIMITS.maxFileBytes) {
        setFile(null);
        setError(`所选文件超过 ${BACKUP_LIMITS.maxFileBytes / 1024 / 1024} MB，不是本程序能恢复的台账备份。`);
        return;
      }
      setFile(picked);
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '读取文件失败，请确认文件没有被其他程序占用后重试。');
    }
  }

  async function restore(values: Values) {
    if (!file) {
      setError('请先选择台账备份文件。');
      return;
    }
    setBusy(true);
    setError(null);
    progress.start();
    try {
      if (newDataKey) {
        const key = await createDataKeyFor(newDataKey, values.startupPassphrase);
        if (!key.ok) {
          form.setFields([{ name: 'startupPassphrase', errors: [key.error.message] }]);
          return;
        }
      }
      const r = await onAppDatabase(restoreBackup, { fileName: file.name, fileBytes: file.bytes, passphrase: values.passphrase ?? '' }, { onProgress: progress.onProgress });
      if (!r.ok) {
        if (r.error.kind === 'backup-wrong-passphrase') form.setFields([{ name: 'passphrase', errors: [r.error.message] }]);
        else setError(r.error.message);
        return;
      }
      onRestored(r.value);
    } catch {
      setError('恢复失败：本机数据存储不可用，没有写入任何数据。请关闭程序后重新打开；如仍失败，请联系技术支持。');
    } finally {
      setBusy(false);
      progress.stop();
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void restore(v)} aria-label="从台账备份恢复">
      {intro}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="backup-restore-error" />}
      <Form.Item label="台账备份文件" required>
        <Space wrap>
          <Button icon={<FolderOpenOutlined />} onClick={() => void pick()} data-testid="backup-restore-pick">
            选择备份文件
          </Button>
          <Typography.Text data-testid="backup-restore-file" type={file ? undefined : 'secondary'}>
            {file ? file.name : '尚未选择（文件名形如“台账备份_单位名称_日期.tzbak”）'}
          </Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item name="passphrase" label="备份口令" rules={[{ required: true, message: '请输入备份时设置的口令' }]}>
        <Input.Password maxLength={200} autoComplete="off" data-testid="backup-restore-passphrase" />
      </Form.Item>
      {newDataKey && newDataKey !== 'checking' && !newDataKey.os && <StartupPassphraseFields reason={newDataKey.reason} />}
      {progress.active && <StageProgressBar progress={progress} testId="backup-restore-progress" />}
      <Button type="primary" htmlType="submit" loading={busy} disabled={newDataKey === 'checking'} data-testid="backup-restore-submit">
        校验并恢复
      </Button>
    </Form>
  );
}
