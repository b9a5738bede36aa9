/**
 * The start gate of a set-up ledger (docs/security.md): nothing of the ledger is shown until this
 * window holds the data key.
 *
 * - kept by the OS keystore: opened without a question;
 * - kept under the 开机口令: the user types it (about a second of scrypt, with progress);
 * - a ledger from before encryption at rest: the user protects it once (a 开机口令 where the OS keeps
 *   no keys), and every plain ID number, phone and 慰问事由 is sealed in one transaction;
 * - the keystore cannot open the key, or the keyring is gone: said in words, with the way out
 *   (the backup file);
 * - the desktop app, when a newer program is about to migrate the ledger: the key is opened from the
 *   keyring as stored and the ledger backed up as it is (`pre-migration`) before the database opens.
 * Before setup there is nothing to open: setup makes the key itself.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Result as ResultPage, Spin, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { openThroughMigration, protectExistingLedger, readDataKeyState, unlockWithKeystore, unlockWithPassphrase, type KeyringError } from '../../db/encryption/dataKeyAccess';
import { keyringAsStored, migrationPending } from '../../db/backup/preMigrationBackup';
import type { KeyringRow } from '../../db/localTypes';
import type { Result } from '../../../shared/errors/errors';
import { onAppDatabase } from '../../db/session';
import { unlockedFieldCipher } from '../../identity/dataKeySession';
import { platform } from '../../platform';
import { ScryptProgressBar, useScryptProgress } from '../common/ScryptProgress';
import { StartupPassphraseFields, useDataKeyProtection } from '../common/StartupPassphrase';

type GateState =
  | { kind: 'checking' }
  | { kind: 'open' }
  | { kind: 'passphrase'; workspaceName: string }
  | { kind: 'migrate'; row: KeyringRow }
  | { kind: 'protect'; workspaceName: string }
  | { kind: 'failed'; message: string };

const STORAGE_FAILED = '打开台账失败：本机数据存储不可用。请关闭程序后重新打开；如仍失败，请联系技术支持。';

function Screen({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f4f1ea', padding: 24 }}>
      <Card style={{ width: 520, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        {children}
      </Card>
    </div>
  );
}

type Unlock = (passphrase: string, onProgress: (fraction: number) => void) => Promise<Result<unknown, KeyringError>>;

const unlockLedger: Unlock = (passphrase, onProgress) => onAppDatabase(unlockWithPassphrase, passphrase, onProgress);

/** `unlock`: the 开机口令 opens the ledger (before a migration: also the backup first, `openThroughMigration`). */
function UnlockForm({ workspaceName, onOpen, unlock = unlockLedger, note }: { workspaceName: string; onOpen: () => void; unlock?: Unlock; note?: string }) {
  const [form] = Form.useForm<{ passphrase?: string }>();
  const [busy, setBusy] = useState(false);
  const progress = useScryptProgress();

  async function submit(values: { passphrase?: string }) {
    setBusy(true);
    progress.start();
    try {
      const r = await unlock(values.passphrase ?? '', progress.onProgress);
      if (r.ok) onOpen();
      else form.setFields([{ name: 'passphrase', errors: [r.error.message] }]);
    } catch {
      form.setFields([{ name: 'passphrase', errors: [STORAGE_FAILED] }]);
    } finally {
      setBusy(false);
      progress.stop();
    }
  }

  return (
    <Screen>
      <Typography.Title level={3} style={{ marginTop: 0, color: '#b71c1c' }}>
        <LockOutlined /> {workspaceName} · 机关党建台账
      </Typography.Title>
      <Typography.Paragraph type="secondary">本机台账已加密保存，请输入开机口令打开。{note}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="输入开机口令">
        <Form.Item name="passphrase" label="开机口令" rules={[{ required: true, message: '请输入开机口令' }]}>
          <Input.Password maxLength={200} autoComplete="current-password" autoFocus disabled={busy} />
        </Form.Item>
        {progress.active && <ScryptProgressBar progress={progress} label="正在核对开机口令…" testId="unlock-progress" />}
        <Button type="primary" htmlType="submit" size="large" loading={busy} block>
          打开台账
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        忘记开机口令？程序不保存开机口令，也无法找回。请在重新安装程序后，在初始设置中选择“从台账备份恢复”。
      </Typography.Paragraph>
    </Screen>
  );
}

/** A ledger from before encryption at rest: protect it once. */
function ProtectForm({ workspaceName, onOpen }: { workspaceName: string; onOpen: () => void }) {
  const availability = useDataKeyProtection();
  const [form] = Form.useForm<{ startupPassphrase?: string; startupPassphraseConfirmation?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const progress = useScryptProgress();

  const protect = useCallback(
    async (passphrase: string | null) => {
      setBusy(true);
      setError(null);
      if (passphrase !== null) progress.start();
      try {
        const r = await onAppDatabase(
          protectExistingLedger,
          passphrase === null ? { kind: 'os' } : { kind: 'passphrase', passphrase },
          platform(),
          { onProgress: progress.onProgress },
        );
        if (r.ok) onOpen();
        else setError(r.error.message);
      } catch {
        setError(STORAGE_FAILED);
      } finally {
        setBusy(false);
        progress.stop();
      }
    },
    [onOpen, progress],
  );

  const osKeeps = availability !== 'checking' && availability.os;
  useEffect(() => {
    if (osKeeps) void protect(null);
  }, [osKeeps, protect]);

  if (availability === 'checking' || availability.os) {
    return (
      <Screen>
        {error ? <Alert type="error" showIcon title={error} /> : <Spin description="正在加密保存本机台账中的身份证号、联系电话和慰问事由…" />}
      </Screen>
    );
  }
  return (
    <Screen>
      <Typography.Title level={3} style={{ marginTop: 0, color: '#b71c1c' }}>
        {workspaceName} · 加密保存本机台账
      </Typography.Title>
      <Typography.Paragraph>
        本版本起，党员的身份证号、联系电话，走访慰问的慰问事由，以及本机的设备密钥，都在本机加密保存：即使有人复制了这台电脑上的程序数据，也读不出这些内容。设置开机口令后，程序会一次性加密已有的台账数据（数据本身不变）。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void protect(v.startupPassphrase ?? '')} aria-label="设置开机口令">
        <StartupPassphraseFields reason={availability.reason} />
        {progress.active && <ScryptProgressBar progress={progress} label="正在生成加密密钥并加密本机台账…" testId="protect-progress" />}
        <Button type="primary" htmlType="submit" size="large" loading={busy} block>
          设置开机口令并加密
        </Button>
      </Form>
    </Screen>
  );
}

/** The pre-migration backup could not be made: the ledger opens anyway, and the user is told. */
function useBackupProblemNotice() {
  const { notification } = App.useApp();
  return useCallback(
    (problem: string | null) => {
      if (problem !== null) notification.warning({ message: '升级前的自动备份没有完成', description: `${problem}台账已按新版本打开。请尽快在“设置 → 备份与恢复”中手动备份。`, duration: 0 });
    },
    [notification],
  );
}

export function DataKeyGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  const open = useCallback(() => setState({ kind: 'open' }), []);
  const tellBackupProblem = useBackupProblemNotice();

  useEffect(() => {
    let live = true;
    const set = (s: GateState) => live && setState(s);
    void (async () => {
      try {
        if (unlockedFieldCipher()) return set({ kind: 'open' });
        // the desktop app backs a ledger up before a newer program migrates it: unlocked from the keyring as stored
        const store = platform().automaticBackups;
        if (store && (await migrationPending())) {
          const row = await keyringAsStored();
          if (row?.protection === 'passphrase') return set({ kind: 'migrate', row });
          if (row?.protection === 'os') {
            const appVersion = (await platform().appInfo()).version;
            const r = await onAppDatabase(openThroughMigration, row, { bridge: platform() }, { store, appVersion });
            if (!r.ok) return set({ kind: 'failed', message: r.error.message });
            tellBackupProblem(r.value.backupProblem);
            return set({ kind: 'open' });
          }
        }
        const s = await onAppDatabase(readDataKeyState);
        const name = s.workspaceName ?? '本机';
        if (!s.hasWorkspace) return set({ kind: 'open' }); // setup makes the key
        if (!s.keyring) {
          if (s.sealedDevice) return set({ kind: 'failed', message: '本机台账的加密密钥记录缺失，台账无法打开。请在重新安装程序后，在初始设置中选择“从台账备份恢复”。' });
          return set({ kind: 'protect', workspaceName: name });
        }
        if (s.keyring.protection === 'passphrase') return set({ kind: 'passphrase', workspaceName: name });
        const r = await onAppDatabase(unlockWithKeystore, platform());
        return set(r.ok ? { kind: 'open' } : { kind: 'failed', message: r.error.message });
      } catch {
        return set({ kind: 'failed', message: STORAGE_FAILED });
      }
    })();
    return () => {
      live = false;
    };
  }, [tellBackupProblem]);

  switch (state.kind) {
    case 'checking':
      return (
        <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
          <Spin size="large" description="正在打开台账…" />
        </div>
      );
    case 'open':
      return <>{children}</>;
    case 'passphrase':
      return <UnlockForm workspaceName={state.workspaceName} onOpen={open} />;
    case 'migrate': {
      const store = platform().automaticBackups;
      const row = state.row;
      const unlockThroughMigration: Unlock = async (passphrase, onProgress) => {
        if (!store) return onAppDatabase(unlockWithPassphrase, passphrase, onProgress);
        const appVersion = (await platform().appInfo()).version;
        const r = await onAppDatabase(openThroughMigration, row, { passphrase, onProgress }, { store, appVersion });
        if (r.ok) tellBackupProblem(r.value.backupProblem);
        return r;
      };
      return <UnlockForm workspaceName="本机" onOpen={open} unlock={unlockThroughMigration} note="程序已升级：打开前先自动备份现有台账，然后按新版本整理数据，请稍候。" />;
    }
    case 'protect':
      return <ProtectForm workspaceName={state.workspaceName} onOpen={open} />;
    case 'failed':
      return (
        <Screen>
          <ResultPage status="error" title="台账无法打开" subTitle={state.message} />
        </Screen>
      );
  }
}
