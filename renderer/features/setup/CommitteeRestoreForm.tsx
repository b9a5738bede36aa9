/**
 * 工委 setup from a key backup: pick the .tzkey file, type its passphrase; the committee comes back
 * with the same id, name and keys. Says plainly that a key backup holds no ledger data.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { PASSPHRASE_LIMITS } from '../../../shared/bundle/limits';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { OpenedFile } from '../../../shared/platform';
import { restoreCommittee } from '../../db/committeeSetup';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';
import { KEY_BACKUP_FILTERS } from '../common/keyBackupFile';
import { ScryptProgressBar, useScryptProgress } from '../common/ScryptProgress';
import { createDataKeyFor, StartupPassphraseFields, useDataKeyProtection } from '../common/StartupPassphrase';

interface RestoreValues {
  passphrase?: string;
  operatorName?: string;
  startupPassphrase?: string;
}

export function CommitteeRestoreForm() {
  const [form] = Form.useForm<RestoreValues>();
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const opening = useScryptProgress();
  const protection = useDataKeyProtection();

  async function pick() {
    setError(null);
    try {
      const picked = await platform().openFile(KEY_BACKUP_FILTERS);
      if (!picked) return;
      if (picked.bytes.length > PASSPHRASE_LIMITS.maxFileBytes) {
        setFile(null);
        setError(`所选文件超过 ${PASSPHRASE_LIMITS.maxFileBytes / 1024} KB，不是工委密钥备份文件。请选择保存密钥备份时生成的 .tzkey 文件。`);
        return;
      }
      setFile(picked);
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '读取文件失败，请确认文件没有被其他程序占用后重试。');
    }
  }

  async function restore(values: RestoreValues) {
    if (!file) {
      setError('请先选择密钥备份文件。');
      return;
    }
    setRestoring(true);
    setError(null);
    opening.start();
    try {
      // this PC's data key first: the restored keys are sealed under it
      const key = await createDataKeyFor(protection, values.startupPassphrase, (f) => opening.onProgress(f / 2));
      if (!key.ok) {
        form.setFields([{ name: 'startupPassphrase', errors: [key.error.message] }]);
        return;
      }
      const r = await onAppDatabase(
        restoreCommittee,
        { fileName: file.name, fileBytes: file.bytes, passphrase: values.passphrase ?? '', operatorName: values.operatorName ?? '' },
        { onProgress: (f: number) => opening.onProgress(0.5 + f / 2) },
      );
      if (!r.ok) {
        if (r.error.kind === 'wrong-passphrase' || r.error.kind === 'passphrase') form.setFields([{ name: 'passphrase', errors: [r.error.message] }]);
        else setError(r.error.message);
      }
      // On success the live query of the workspace opens the ledger.
    } catch {
      setError('恢复失败：本机数据存储不可用。请关闭程序后重新打开；如仍失败，请联系技术支持。');
    } finally {
      setRestoring(false);
      opening.stop();
    }
  }

  return (
    <Form<RestoreValues> form={form} layout="vertical" onFinish={(v) => void restore(v)} aria-label="从密钥备份恢复">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="密钥备份只包含工委的密钥"
        description="恢复后，本机使用与原来相同的工委名称和密钥（密钥指纹不变），各单位用原登记文件报送的同步包仍能解密，工委下发的文件各单位仍能核验。密钥备份不包含任何台账数据（纳管登记名册、已导入的各单位数据、通知、红黄牌等）；这些数据需在恢复密钥后，到“设置 → 备份与恢复”用台账备份（.tzbak）恢复。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="restore-error" />}
      <Form.Item label="密钥备份文件" required>
        <Space wrap>
          <Button icon={<FolderOpenOutlined />} onClick={() => void pick()}>
            选择密钥备份文件
          </Button>
          <Typography.Text data-testid="restore-file-name" type={file ? undefined : 'secondary'}>
            {file ? file.name : '尚未选择（文件名形如“工委密钥备份_名称_日期.tzkey”）'}
          </Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item name="passphrase" label="备份口令" rules={[{ required: true, message: '请输入保存备份时设置的口令' }]} extra="即设置工委时设置的密钥备份口令。">
        <Input.Password maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="operatorName" label="操作人姓名（选填）" extra="记入每条修改记录的“修改人”。">
        <Input maxLength={20} style={{ width: 240 }} />
      </Form.Item>
      {protection !== 'checking' && !protection.os && <StartupPassphraseFields reason={protection.reason} />}
      {opening.active && <ScryptProgressBar progress={opening} label="正在用口令解密密钥备份（约需几秒钟，请稍候）…" testId="opening-progress" />}
      <Button type="primary" htmlType="submit" size="large" loading={restoring} disabled={protection === 'checking'} block>
        恢复工委密钥并完成设置
      </Button>
    </Form>
  );
}
