/**
 * 初始设置 → 从台账备份恢复: a new or reinstalled PC takes the whole ledger back from a `.tzbak`
 * file instead of being set up afresh. On success the workspace exists and the app opens 设置,
 * which says what to do next (a unit is re-enrolled by the committee: this PC has a new key).
 */
import { Alert, Button, Card, Typography } from 'antd';
import { WorkspaceRestoreForm } from '../common/WorkspaceRestoreForm';
import { useDataKeyProtection } from '../common/StartupPassphrase';

export function BackupRestoreStep({ onBack }: { onBack: () => void }) {
  const protection = useDataKeyProtection();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f4f1ea', padding: 24 }}>
      <Card style={{ width: 620, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, color: '#b71c1c' }}>
          机关党建台账 · 从台账备份恢复
        </Typography.Title>
        <WorkspaceRestoreForm
          newDataKey={protection}
          intro={
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="用台账备份文件恢复本机台账"
              description="选择在“设置 → 备份与恢复”中保存的备份文件（.tzbak），输入备份时设置的口令。程序先完整校验备份，校验通过后一次性写入全部数据；任何一步不通过都不会写入。恢复后本机使用新的设备密钥，已向工委报送过数据的单位需请工委“重新登记”，恢复完成后程序会说明具体步骤。工委台账请先选择“工委 → 从密钥备份恢复”恢复工委密钥，再到“设置 → 备份与恢复”恢复台账备份。"
            />
          }
          onRestored={() => {
            // the workspace now exists and the app leaves the setup screen: open 设置, where the next steps are
            window.location.hash = '#/settings';
          }}
        />
        <Button type="link" onClick={onBack} style={{ paddingInline: 0, marginTop: 16 }}>
          返回初始设置
        </Button>
      </Card>
    </div>
  );
}
