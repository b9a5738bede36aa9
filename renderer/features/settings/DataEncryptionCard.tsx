/**
 * 设置 → 数据加密: how this PC keeps its data key (docs/security.md), and 修改开机口令. The data key
 * itself never changes here, so nothing is re-encrypted: only its wrapping.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { changeStartupPassphrase } from '../../db/encryption/dataKeyAccess';
import { dismissRekeyNotice, replaceUnitDeviceKeys, sealCommitteeKeysFromBackup } from '../../db/encryption/legacyDeviceKeys';
import { committeePeerName } from '../../db/queries/backup';
import { thisDevice } from '../../db/queries/device';
import { restartSessionWriteContext } from '../../db/session';
import { keyFingerprint } from '../../identity/deviceIdentity';
import { ReEnrolSteps } from './ReEnrolSteps';
import { dataKeyFacts } from '../../db/queries/dataKey';
import { onAppDatabase } from '../../db/session';
import { ScryptProgressBar, useScryptProgress } from '../common/ScryptProgress';
import { STARTUP_PASSPHRASE_RULE, StartupPassphraseFields } from '../common/StartupPassphrase';
import { useAppQuery } from '../common/useAppQuery';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN');

interface ChangeValues {
  current?: string;
  startupPassphrase?: string;
  startupPassphraseConfirmation?: string;
}

function ChangePassphraseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ChangeValues>();
  const [busy, setBusy] = useState(false);
  const progress = useScryptProgress();
  const { message } = App.useApp();

  async function submit(values: ChangeValues) {
    setBusy(true);
    progress.start();
    try {
      const r = await onAppDatabase(
        changeStartupPassphrase,
        { current: values.current ?? '', next: values.startupPassphrase ?? '', confirmation: values.startupPassphraseConfirmation ?? '' },
        { onProgress: progress.onProgress },
      );
      if (!r.ok) {
        const field = r.error.kind === 'wrong-passphrase' ? 'current' : r.error.kind === 'passphrase-mismatch' ? 'startupPassphraseConfirmation' : 'startupPassphrase';
        form.setFields([{ name: field, errors: [r.error.message] }]);
        return;
      }
      void message.success('开机口令已修改，下次打开程序时请输入新的开机口令');
      form.resetFields();
      onClose();
    } catch {
      form.setFields([{ name: 'current', errors: ['保存失败：本机数据存储不可用。请关闭程序后重新打开。'] }]);
    } finally {
      setBusy(false);
      progress.stop();
    }
  }

  return (
    <Modal
      open={open}
      title="修改开机口令"
      okText="修改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<ChangeValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="修改开机口令">
        <Form.Item name="current" label="当前开机口令" rules={[{ required: true, message: '请输入当前开机口令' }]}>
          <Input.Password maxLength={200} autoComplete="current-password" autoFocus />
        </Form.Item>
        <StartupPassphraseFields reason="修改后，旧开机口令即失效" />
        {progress.active && <ScryptProgressBar progress={progress} label="正在核对并更换开机口令…" testId="change-passphrase-progress" />}
        {/* Enter in the last field submits */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

/** A unit of before encryption at rest: new keys, sealed, and the committee re-enrols it. */
function ReplaceUnitKeys() {
  const { modal, message } = App.useApp();
  const replace = () =>
    modal.confirm({
      title: '更换本机密钥',
      content:
        '更换后，本机使用新的设备密钥（加密保存），原密钥停用。工委须对本单位“重新登记”后才接收本机的同步包，届时请导出全部数据报送。台账数据不受影响。确定更换吗？',
      okText: '更换',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await onAppDatabase(replaceUnitDeviceKeys);
          if (!r.ok) {
            void message.error(r.error.message);
            return;
          }
          restartSessionWriteContext(); // the next write signs its revs as the new device
          void message.success('已更换本机密钥，请按提示办理重新登记');
        } catch {
          void message.error('更换失败：本机数据存储不可用，原密钥未变。请关闭程序后重新打开。');
        }
      },
    });
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="warning"
      showIcon
      title="本机设备密钥是在加密保存功能之前生成的，仍按旧方式保存"
      description="台账数据已加密保存。设备密钥只有更换为新密钥才能加密保存；更换后须请工委重新登记本单位，再导出全部数据报送。可在下次报送前办理。"
      action={
        <Button size="small" onClick={replace} data-testid="replace-unit-keys">
          更换本机密钥
        </Button>
      }
    />
  );
}

/** After 更换本机密钥: what the committee and the unit do next, until it is marked done. */
function RekeyNotice({ rekeyed }: { rekeyed: { readonly at: string; readonly previousDeviceId: string } }) {
  const device = useAppQuery(thisDevice);
  const enrolledWith = useAppQuery(committeePeerName);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    if (device) void keyFingerprint(device.signingPublicKey).then(setFingerprint);
  }, [device]);
  const head = `本机已于 ${time(rekeyed.at)} 更换设备密钥（原设备编号 ${rekeyed.previousDeviceId}），新密钥加密保存在本机。`;
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="warning"
      showIcon
      title="已更换本机密钥：请办理以下事项"
      data-testid="rekey-notice"
      description={
        enrolledWith ? (
          <>
            <Typography.Paragraph>{head}</Typography.Paragraph>
            <ReEnrolSteps enrolledWith={enrolledWith} fingerprint={fingerprint} why="本单位更换了设备密钥" last="用原密钥导出而尚未报送的同步包，请不要再报送。" testId="rekey-steps" fingerprintTestId="rekey-fingerprint" />
          </>
        ) : (
          <Typography.Paragraph style={{ marginBottom: 0 }}>{head}本单位尚未与工委办理纳管登记，按正常流程办理即可。</Typography.Paragraph>
        )
      }
      action={
        <Button size="small" onClick={() => void onAppDatabase(dismissRekeyNotice)}>
          已办理，不再提示
        </Button>
      }
    />
  );
}

/** A committee of before encryption at rest: its keys sealed from its key backup (the same keys: units need do nothing). */
function SealOldKeys() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ passphrase?: string }>();
  const [busy, setBusy] = useState(false);
  const progress = useScryptProgress();
  const { message } = App.useApp();

  async function submit(values: { passphrase?: string }) {
    setBusy(true);
    progress.start();
    try {
      const r = await onAppDatabase(sealCommitteeKeysFromBackup, values.passphrase ?? '', { onProgress: progress.onProgress });
      if (!r.ok) {
        form.setFields([{ name: 'passphrase', errors: [r.error.message] }]);
        return;
      }
      void message.success('本机密钥已加密保存（密钥本身未变，各单位无需任何操作）');
      setOpen(false);
    } catch {
      form.setFields([{ name: 'passphrase', errors: ['保存失败：本机数据存储不可用。请关闭程序后重新打开。'] }]);
    } finally {
      setBusy(false);
      progress.stop();
    }
  }

  return (
    <>
      <Alert
        style={{ marginTop: 12 }}
        type="warning"
        showIcon
        title="本机的工委密钥是在加密保存功能之前生成的，仍按旧方式保存"
        description="输入工委密钥备份口令后，程序从本机保存的密钥备份中取出同一套密钥，改为加密保存。密钥不变，密钥指纹不变，各单位无需任何操作。"
        action={
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="seal-old-keys">
            加密保存本机密钥
          </Button>
        }
      />
      <Modal open={open} title="加密保存本机密钥" okText="加密保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="加密保存本机密钥">
          <Form.Item name="passphrase" label="工委密钥备份口令" rules={[{ required: true, message: '请输入设置工委时设置的密钥备份口令' }]}>
            <Input.Password maxLength={200} autoComplete="off" autoFocus />
          </Form.Item>
          {progress.active && <ScryptProgressBar progress={progress} label="正在用口令打开密钥备份…" testId="seal-old-keys-progress" />}
          <button type="submit" hidden aria-hidden />
        </Form>
      </Modal>
    </>
  );
}

export function DataEncryptionCard() {
  const facts = useAppQuery(dataKeyFacts);
  const [changing, setChanging] = useState(false);
  const protection =
    facts?.protection === 'os' ? '由本机系统密钥保管（Windows 数据保护 / 系统钥匙环），打开程序时无需输入口令' : facts?.protection === 'passphrase' ? '由开机口令保护，每次打开程序时输入' : '…';
  return (
    <Card
      title="数据加密"
      extra={
        facts?.protection === 'passphrase' ? (
          <Button onClick={() => setChanging(true)} data-testid="change-startup-passphrase">
            修改开机口令
          </Button>
        ) : null
      }
    >
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label="加密保存的内容">党员身份证号、联系电话，走访慰问的慰问事由，本机设备密钥</Descriptions.Item>
        <Descriptions.Item label="加密密钥">
          <span data-testid="data-key-protection">{protection}</span>
          {facts?.changedAt && <Typography.Text type="secondary">（开机口令修改于 {time(facts.changedAt)}）</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      {facts?.protection === 'passphrase' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {STARTUP_PASSPHRASE_RULE}
        </Typography.Paragraph>
      )}
      {facts && !facts.deviceKeysSealed && facts.keyBackupHeld && <SealOldKeys />}
      {facts && !facts.deviceKeysSealed && !facts.keyBackupHeld && <ReplaceUnitKeys />}
      {facts?.rekeyed && <RekeyNotice rekeyed={facts.rekeyed} />}
      <ChangePassphraseModal open={changing} onClose={() => setChanging(false)} />
    </Card>
  );
}
