/** 设置: what this installation is, this device's identity, and where the data lives. */
import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { AppInfo } from '../../../shared/platform';
import { PARTY_GROUP_KIND_LABELS, WORKSPACE_MODE_LABELS } from '../../../shared/model/vocabulary';
import type { WorkspaceRow } from '../../db/localTypes';
import { thisDevice } from '../../db/queries/device';
import { SCHEMA_VERSION } from '../../db/schema';
import { keyFingerprint } from '../../identity/deviceIdentity';
import { KeyBackupCard } from './KeyBackupCard';
import { BackupCard } from './BackupCard';
import { DataEncryptionCard } from './DataEncryptionCard';
import { AutomaticBackupsCard } from './AutomaticBackupsCard';
import { useAppQuery } from '../common/useAppQuery';
import { RuleProfileCard } from './RuleProfileCard';
import { UnitInfoModal } from './UnitInfoModal';
import { LedgerStartField } from './LedgerStartField';
import { platform } from '../../platform';
import { useUiStore, type StoragePersistence } from '../../store/uiStore';

const PERSISTENCE_TEXT: Record<StoragePersistence, { color: string; text: string }> = {
  pending: { color: 'default', text: '正在申请…' },
  granted: { color: 'success', text: '已获准持久保存（磁盘空间紧张时也不会被清除）' },
  denied: { color: 'warning', text: '未获准持久保存：磁盘空间紧张时数据可能被浏览器清除。请改用桌面版程序，并定期在下方“备份与恢复”中备份台账' },
  unsupported: { color: 'warning', text: '当前环境不支持持久保存申请：请改用桌面版程序，并定期在下方“备份与恢复”中备份台账' },
};

function useDeviceFacts() {
  const device = useAppQuery(thisDevice) ?? undefined;
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    if (device) void keyFingerprint(device.signingPublicKey).then(setFingerprint);
  }, [device]);
  return { device, fingerprint };
}

export function SettingsPage({ workspace }: { workspace: WorkspaceRow }) {
  const persistence = useUiStore((s) => s.storagePersistence);
  const { device, fingerprint } = useDeviceFacts();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform().appInfo().then(setInfo);
  }, []);
  const p = PERSISTENCE_TEXT[persistence];
  const [editingUnit, setEditingUnit] = useState(false);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        设置
      </Typography.Title>
      <Card
        title="工作模式与单位信息"
        extra={
          workspace.mode === 'unit' && (
            <Button icon={<EditOutlined />} onClick={() => setEditingUnit(true)}>
              修改单位信息
            </Button>
          )
        }
      >
        <Descriptions column={1} bordered size="middle" data-testid="settings-workspace">
          <Descriptions.Item label="工作模式">
            <Tag color="red">{WORKSPACE_MODE_LABELS[workspace.mode]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={workspace.mode === 'unit' ? '单位名称' : '工委名称'}>{workspace.name}</Descriptions.Item>
          {workspace.mode === 'unit' && (
            <>
              <Descriptions.Item label="统一社会信用代码">{workspace.creditCode}</Descriptions.Item>
              <Descriptions.Item label="机关工作人员总数">{workspace.staffCount} 人</Descriptions.Item>
              <Descriptions.Item label="单位设立">
                {workspace.partyGroupKind ? PARTY_GROUP_KIND_LABELS[workspace.partyGroupKind] : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="台账起始日期">
                <LedgerStartField />
              </Descriptions.Item>
            </>
          )}
          <Descriptions.Item label="操作人">{workspace.operatorName || '（未填写）'}</Descriptions.Item>
          <Descriptions.Item label="设置时间">{new Date(workspace.createdAt).toLocaleString('zh-CN')}</Descriptions.Item>
        </Descriptions>
      </Card>
      {workspace.mode === 'unit' && <UnitInfoModal open={editingUnit} workspace={workspace} onClose={() => setEditingUnit(false)} />}
      <Card title="本机设备身份">
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label="设备编号">
            <Typography.Text code>{device?.deviceId ?? '…'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="签名密钥指纹">
            <Typography.Text code data-testid="key-fingerprint">
              {fingerprint ?? '…'}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {workspace.mode === 'committee'
                ? '（各单位登记时与工委电话核对；私钥不可导出，另有口令加密的密钥备份）'
                : '（与工委核对时使用；私钥加密保存在本机，不可导出）'}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {workspace.mode === 'committee' && <KeyBackupCard device={device} />}
      <RuleProfileCard mode={workspace.mode} />
      <BackupCard mode={workspace.mode} fingerprint={fingerprint} />
      <AutomaticBackupsCard workspaceName={workspace.name} />
      <DataEncryptionCard />
      <Card title="数据存储">
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label="持久保存">
            <Tag color={p.color} data-testid="storage-persistence" data-state={persistence}>
              {p.text}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="数据库版本">{SCHEMA_VERSION}</Descriptions.Item>
          <Descriptions.Item label="程序版本">
            {info ? `${info.version}（${info.shell === 'electron' ? `桌面版，Electron ${info.electronVersion}` : '浏览器版'}）` : '…'}
          </Descriptions.Item>
          {info?.userDataPath && <Descriptions.Item label="数据目录">{info.userDataPath}</Descriptions.Item>}
        </Descriptions>
      </Card>
    </Space>
  );
}
