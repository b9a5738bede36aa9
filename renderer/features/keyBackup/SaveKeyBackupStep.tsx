/**
 * The last step of a committee's setup: save the sealed key backup before the ledger opens. It
 * stays until a copy has been saved (also after closing and reopening the program), because
 * without it a broken PC would leave every enrolled unit encrypting to a key nobody has.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Steps, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { DeviceRow, WorkspaceRow } from '../../db/localTypes';
import { onAppDatabase } from '../../db/session';
import { keyFingerprint } from '../../identity/deviceIdentity';
import { saveKeyBackupCopy } from '../common/keyBackupFile';

const EXPLANATION =
  '本机的工委密钥已经生成，并已用您刚才设置的口令加密成备份文件。各单位报送的同步包都用这把密钥加密，工委下发的文件也用它签名。' +
  '如果这台电脑损坏或重装而没有备份，各单位的纳管登记将全部作废，需要重新办理。';

export function SaveKeyBackupStep({ workspace, device }: { workspace: WorkspaceRow; device: DeviceRow }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    void keyFingerprint(device.signingPublicKey).then(setFingerprint);
  }, [device.signingPublicKey]);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const r = await onAppDatabase(saveKeyBackupCopy);
      if (r.outcome === 'cancelled') setError('密钥备份还没有保存。必须先保存密钥备份文件，才能开始使用本程序。');
      if (r.outcome === 'none') setError('本机没有可保存的密钥备份。请关闭程序后重新打开；如仍出现，请联系技术支持。');
      // 'saved': the live query of the device row opens the ledger.
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '保存失败：无法写入该位置。请换一个位置（例如U盘）后重试。');
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f4f1ea', padding: 24 }}>
      <Card style={{ width: 660, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, color: '#b71c1c' }}>
          机关党建台账 · 保存工委密钥备份
        </Typography.Title>
        <Steps size="small" current={1} style={{ marginBottom: 24 }} items={[{ title: '填写工委信息' }, { title: '保存密钥备份' }, { title: '开始使用' }]} />
        <Typography.Paragraph>{EXPLANATION}</Typography.Paragraph>
        <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="工委名称">{workspace.name}</Descriptions.Item>
          <Descriptions.Item label="签名密钥指纹">
            <Typography.Text code data-testid="backup-fingerprint">
              {fingerprint ?? '…'}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请现在保存密钥备份文件"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              <li>最好保存到U盘等不在这台电脑上的位置，并另外存放一份。</li>
              <li>口令与备份文件分开保管，不要把口令写在U盘上。</li>
              <li>本程序不保存口令；忘记口令，备份就无法打开。</li>
              <li>以后可在“设置”中随时再保存一份（同一文件，同一口令）。</li>
            </ul>
          }
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="backup-error" />}
        <Button type="primary" size="large" block icon={<SafetyCertificateOutlined />} loading={saving} onClick={() => void save()}>
          保存密钥备份文件
        </Button>
      </Card>
    </div>
  );
}
