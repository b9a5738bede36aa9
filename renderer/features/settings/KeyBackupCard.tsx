/** 设置 (工委): the state of the committee's key backup, and saving another copy of the same sealed file. */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { DeviceRow } from '../../db/localTypes';
import { onAppDatabase } from '../../db/session';
import { saveKeyBackupCopy } from '../common/keyBackupFile';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN');

export function KeyBackupCard({ device }: { device: DeviceRow | undefined }) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const backup = device?.keyBackup;

  async function save() {
    setSaving(true);
    try {
      const r = await onAppDatabase(saveKeyBackupCopy);
      if (r.outcome === 'saved') void message.success(`密钥备份已保存：${r.fileName}`);
      if (r.outcome === 'cancelled') void message.info('已取消，未保存。');
    } catch (e) {
      void message.error(isExpectedFailure(e) ? e.error.message : '保存失败：无法写入该位置。请换一个位置（例如U盘）后重试。');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="工委密钥备份" data-testid="key-backup-card">
      {!device ? null : !backup ? (
        <Alert
          type="warning"
          showIcon
          title="本机没有工委密钥备份"
          description="本机的工委密钥是在密钥备份功能推出之前生成的，私钥不可导出，无法补做备份。这台电脑损坏或重装后，各单位需要重新办理纳管登记。"
        />
      ) : (
        <>
          <Descriptions column={1} bordered size="middle" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="备份状态">
              {backup.lastSavedAt ? (
                <Tag color="success" data-testid="key-backup-state">
                  已保存
                </Tag>
              ) : (
                <Tag color="warning" data-testid="key-backup-state">
                  尚未保存
                </Tag>
              )}
            </Descriptions.Item>
            {backup.lastSavedAt && (
              <Descriptions.Item label="最近一次保存">
                {time(backup.lastSavedAt)}
                {backup.lastSavedName && <Typography.Text type="secondary">（{backup.lastSavedName}）</Typography.Text>}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="密钥生成时间">{time(backup.sealedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">
            另存的是设置工委时用口令加密的同一份备份文件，恢复时使用当时设置的口令，不需要现在输入。请把备份保存到U盘等不在这台电脑上的位置，与口令分开保管。密钥备份只包含工委的密钥，不包含台账数据。
          </Typography.Paragraph>
          <Button icon={<SafetyCertificateOutlined />} loading={saving} onClick={() => void save()}>
            另存一份密钥备份
          </Button>
        </>
      )}
    </Card>
  );
}
