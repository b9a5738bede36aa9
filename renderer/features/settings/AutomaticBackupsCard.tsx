/**
 * 设置 → 自动备份 (issue 17): the automatic backups the desktop app keeps (before each import, once
 * a day; the shell prunes them to 7 daily + 4 weekly + the last 5 before imports), each taken out as
 * an ordinary backup file under a passphrase the user chooses (另存为备份文件). The web build says
 * that it makes none. `DailyAutomaticBackup` makes the day's backup once the ledger is open.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import type { AutomaticBackupEntry, AutomaticBackupKind } from '../../../shared/platform';
import { exportAutomaticBackup, makeDailyBackupIfDue } from '../../db/backup/automaticBackup';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';
import { BACKUP_FILTERS } from '../common/backupFile';

const KIND_LABELS: Record<AutomaticBackupKind, string> = { daily: '每日备份', 'pre-import': '导入同步包前', 'pre-migration': '程序升级前' };
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN');
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

interface ExportValues {
  passphrase?: string;
  passphraseConfirmation?: string;
}

function ExportModal({ entry, workspaceName, onClose }: { entry: AutomaticBackupEntry; workspaceName: string; onClose: () => void }) {
  const [form] = Form.useForm<ExportValues>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const store = platform().automaticBackups;

  async function submit(values: ExportValues) {
    if (!store) return;
    setBusy(true);
    try {
      const out = await exportAutomaticBackup(store, entry.id, { passphrase: values.passphrase ?? '', passphraseConfirmation: values.passphraseConfirmation ?? '', workspaceName });
      if (!out.ok) {
        form.setFields([{ name: out.error.kind === 'backup-weak-passphrase' ? 'passphrase' : 'passphraseConfirmation', errors: [out.error.message] }]);
        return;
      }
      const saved = await platform().saveFile(out.value.fileName, out.value.bytes, BACKUP_FILTERS);
      if (saved.saved) {
        void message.success(`已另存为“${saved.fileName}”。恢复时使用刚才设置的口令。`);
        onClose();
      }
    } catch {
      form.setFields([{ name: 'passphrase', errors: ['读取自动备份失败，请重试；仍不行请选择另一份自动备份。'] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`另存为备份文件：${time(entry.at)} ${KIND_LABELS[entry.kind]}`} okText="另存为…" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        自动备份用本机的加密密钥保护，只能在本机打开。另存为备份文件时请设置一个口令（至少 10 个字符）：凭文件和口令可以在任何一台电脑上通过“从台账备份恢复”恢复当时的台账。
      </Typography.Paragraph>
      <Form<ExportValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="另存为备份文件">
        <Form.Item name="passphrase" label="备份口令" rules={[{ required: true, message: '请设置备份口令' }]}>
          <Input.Password maxLength={200} autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="passphraseConfirmation"
          label="确认备份口令"
          dependencies={['passphrase']}
          rules={[({ getFieldValue }) => ({ validator: (_, v: string | undefined) => (v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的口令不一致，请重新输入确认口令。'))) })]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function AutomaticBackupsCard({ workspaceName }: { workspaceName: string }) {
  const store = platform().automaticBackups;
  const [entries, setEntries] = useState<AutomaticBackupEntry[] | 'loading' | 'failed'>('loading');
  const [exporting, setExporting] = useState<AutomaticBackupEntry | null>(null);
  const load = useCallback(() => {
    if (!store) return;
    store.list().then(setEntries, () => setEntries('failed'));
  }, [store]);
  useEffect(load, [load]);

  if (!store) {
    return (
      <Card title="自动备份" data-testid="automatic-backups">
        <Alert type="info" showIcon title="浏览器版不做自动备份" description="桌面版程序在每次导入同步包前和每天首次打开时，自动把整个台账备份到本机程序数据文件夹（保留最近 7 天、4 周和最近 5 次导入前的备份）。使用浏览器版时，请定期在上方“备份与恢复”中手动备份。" />
      </Card>
    );
  }
  return (
    <Card title="自动备份" data-testid="automatic-backups" extra={<Button onClick={load}>刷新</Button>}>
      <Typography.Paragraph type="secondary">
        每次导入同步包前、每天首次打开程序时，程序自动备份整个台账到本机程序数据文件夹，用本机的加密密钥保护；保留最近 7 天每天一份、此前 4 周每周一份、最近 5 次导入前的备份。自动备份与台账在同一块磁盘上，不能代替保存到U盘的备份。
      </Typography.Paragraph>
      {entries === 'failed' && <Alert type="error" showIcon title="读取自动备份列表失败，请点“刷新”重试。" />}
      {entries !== 'failed' && (
        <Table<AutomaticBackupEntry>
          size="small"
          rowKey="id"
          loading={entries === 'loading'}
          dataSource={entries === 'loading' ? [] : entries}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有自动备份。下次导入同步包前或明天打开程序时会自动生成。' }}
          columns={[
            { title: '备份时间', dataIndex: 'at', render: (at: string) => time(at) },
            { title: '类型', dataIndex: 'kind', render: (k: AutomaticBackupKind) => KIND_LABELS[k] },
            { title: '大小', dataIndex: 'bytes', render: (b: number) => size(b) },
            { title: '操作', key: 'op', render: (_, e) => <Button size="small" onClick={() => setExporting(e)}>另存为备份文件</Button> },
          ]}
        />
      )}
      {exporting && <ExportModal entry={exporting} workspaceName={workspaceName} onClose={() => setExporting(null)} />}
    </Card>
  );
}

/** Makes today's automatic backup once the ledger is open (the desktop app); says so only when it failed. */
export function DailyAutomaticBackup() {
  const { notification } = App.useApp();
  useEffect(() => {
    const store = platform().automaticBackups;
    if (!store) return;
    let live = true;
    void (async () => {
      try {
        const info = await platform().appInfo();
        const made = await onAppDatabase(makeDailyBackupIfDue, store, info.version);
        if (!made.ok && live) notification.warning({ message: '今日自动备份没有完成', description: `${made.error.message}请稍后在“设置 → 备份与恢复”中手动备份。`, duration: 0 });
      } catch {
        if (live) notification.warning({ message: '今日自动备份没有完成', description: '本机数据存储出错。请稍后在“设置 → 备份与恢复”中手动备份。', duration: 0 });
      }
    })();
    return () => {
      live = false;
    };
  }, [notification]);
  return null;
}
