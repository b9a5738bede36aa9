/**
 * 设置 → 备份与恢复: make a passphrase-sealed backup of the whole workspace now (.tzbak, saved
 * where the user picks: a USB stick), the last backup's date and file name, what to do after a
 * restore (a unit must be re-enrolled by the committee: the restored PC has a new device key), and
 * restoring from a backup while the workspace is still empty.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Divider, Form, Input, Tag, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { BACKUP_MIN_PASSPHRASE_LENGTH } from '../../../shared/backup/format';
import { newPassphraseProblem } from '../../../shared/bundle/keyBackup';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { dismissRestoreNotice } from '../../db/backup/restore';
import type { MakeBackupStage } from '../../db/backup/makeBackup';
import type { WorkspaceBackupState } from '../../db/localTypes';
import { committeePeerName, restoreAllowed, workspaceBackupState } from '../../db/queries/backup';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';
import { saveWorkspaceBackup } from '../common/backupFile';
import { StageProgressBar, useStageProgress } from '../common/StageProgress';
import { ReEnrolSteps } from './ReEnrolSteps';
import { useAppQuery } from '../common/useAppQuery';
import { WorkspaceRestoreForm } from '../common/WorkspaceRestoreForm';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN');

const STAGES: Readonly<Record<MakeBackupStage, string>> = {
  read: '正在读取本机台账的全部数据…',
  scrypt: '正在用口令生成加密密钥（约需几秒钟，请稍候）…',
  encrypt: '正在压缩并加密…',
  decrypt: '',
  verify: '',
};

interface Values {
  passphrase?: string;
  passphraseConfirmation?: string;
}

/** What to do after a restore, in words: a unit that was enrolled must be re-enrolled. */
function RestoreNotice({ state, mode, fingerprint, enrolledWith }: { state: WorkspaceBackupState; mode: WorkspaceMode; fingerprint: string | null; enrolledWith: string | null }) {
  const from = state.restoredFrom;
  if (!from) return null;
  const head = `本机已于 ${time(from.restoredAt)} 从台账备份“${from.fileName}”（备份于 ${time(from.backupCreatedAt)}）恢复全部数据。为防止两台电脑以同一身份报送，本机使用新的设备密钥，不再使用原电脑（设备编号 ${from.previousDeviceId}）的密钥；回执和报送序号已按备份保留。`;
  const description =
    mode === 'committee' ? (
      <Typography.Paragraph style={{ marginBottom: 0 }}>{head}工委密钥未变（来自工委密钥备份），各单位无需办理任何手续。</Typography.Paragraph>
    ) : enrolledWith ? (
      <>
        <Typography.Paragraph>{head}</Typography.Paragraph>
        <ReEnrolSteps enrolledWith={enrolledWith} fingerprint={fingerprint} why="本单位已在新电脑上从备份恢复台账" last="原电脑如仍能开机，请不要再用它报送同步包。" testId="backup-reenrol-steps" fingerprintTestId="backup-new-fingerprint" />
      </>
    ) : (
      <Typography.Paragraph style={{ marginBottom: 0 }}>{head}本单位尚未与工委办理纳管登记，按正常流程办理即可。</Typography.Paragraph>
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="本机台账由备份恢复：请办理以下事项"
      description={description}
      data-testid="backup-restore-notice"
      action={
        <Button size="small" onClick={() => void onAppDatabase(dismissRestoreNotice)}>
          已办理，不再提示
        </Button>
      }
    />
  );
}

export function BackupCard({ mode, fingerprint }: { mode: WorkspaceMode; fingerprint: string | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const state = useAppQuery(workspaceBackupState);
  const canRestore = useAppQuery(restoreAllowed);
  const enrolledWith = useAppQuery(committeePeerName);
  const [busy, setBusy] = useState(false);
  const progress = useStageProgress(STAGES);

  async function backUp(values: Values) {
    setBusy(true);
    progress.start();
    try {
      const info = await platform().appInfo();
      const r = await onAppDatabase(
        saveWorkspaceBackup,
        { passphrase: values.passphrase ?? '', passphraseConfirmation: values.passphraseConfirmation ?? '', appVersion: info.version },
        { onProgress: progress.onProgress },
      );
      if (!r.ok) {
        if (r.error.kind === 'backup-weak-passphrase') form.setFields([{ name: 'passphrase', errors: [r.error.message] }]);
        else void message.error(r.error.message);
        return;
      }
      if (r.value.outcome === 'cancelled') {
        void message.info('已取消，未保存备份。');
        return;
      }
      form.resetFields();
      void message.success(`台账备份已保存：${r.value.fileName}`);
    } catch (e) {
      void message.error(isExpectedFailure(e) ? e.error.message : '备份失败，没有保存备份文件。请重试；如保存到U盘失败，请换一个位置；仍不行请联系技术支持。');
    } finally {
      setBusy(false);
      progress.stop();
    }
  }

  return (
    <Card title="备份与恢复" data-testid="backup-card">
      {state && <RestoreNotice state={state} mode={mode} fingerprint={fingerprint} enrolledWith={enrolledWith ?? null} />}
      <Descriptions column={1} bordered size="middle" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="最近一次备份">
          {state?.lastSavedAt ? (
            <span data-testid="backup-last">
              {time(state.lastSavedAt)}
              {state.lastSavedName && <Typography.Text type="secondary">（{state.lastSavedName}）</Typography.Text>}
            </span>
          ) : (
            <Tag color="warning" data-testid="backup-last">
              尚未备份
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        备份文件（.tzbak）包含本机台账的全部数据：各项记录、修改记录和操作日志、同步状态与回执、附件、报告草稿等，用您设置的口令加密。请保存到U盘等不在这台电脑上的位置，与口令分开保管。程序不保存口令，忘记口令将无法恢复备份。桌面版程序另有自动备份（见下方“自动备份”），但它与台账在同一块磁盘上；请定期手动备份到U盘（例如每周一次、每次报送前后）。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void backUp(v)} aria-label="立即备份" style={{ maxWidth: 480 }}>
        <Form.Item
          name="passphrase"
          label="备份口令"
          required
          extra={`至少 ${BACKUP_MIN_PASSPHRASE_LENGTH} 个字符，建议用一句只有您知道的话。`}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = newPassphraseProblem(value ?? '', value ?? '');
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="backup-passphrase" />
        </Form.Item>
        <Form.Item
          name="passphraseConfirmation"
          label="确认备份口令"
          required
          dependencies={['passphrase']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的口令不一致，请重新输入确认口令。')),
            }),
          ]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="backup-passphrase-confirmation" />
        </Form.Item>
        {progress.active && <StageProgressBar progress={progress} testId="backup-progress" />}
        <Button type="primary" htmlType="submit" icon={<CloudDownloadOutlined />} loading={busy} data-testid="backup-make">
          立即备份
        </Button>
      </Form>
      {canRestore && (
        <>
          <Divider />
          <WorkspaceRestoreForm
            intro={
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="从备份恢复"
                description="本机台账尚无数据，可以从台账备份恢复：恢复后本机的工作模式、单位信息和全部记录以备份为准。只有本机台账为空时才提供此功能，恢复不会覆盖已有数据。"
              />
            }
            onRestored={() => {
              // the session's write context still names this PC's setup: start afresh on 设置, which says what to do next
              window.location.hash = '#/settings';
              window.location.reload();
            }}
          />
        </>
      )}
    </Card>
  );
}
