/**
 * The preview of one bundle before 确认导入 (single import, and the one-by-one confirmation of the
 * batch): from whom, which bundle, the key fingerprint, counts per table and conflicts; on a first
 * contact or a re-admission the phone check of the fingerprint with its tick box.
 */
import { Alert, Checkbox, Descriptions, Space, Typography } from 'antd';
import type { ImportPreview } from '../../db/sync/importBundle';
import { CountsTable } from './CountsTable';
import { bundleScopeText } from './bundleScope';

export function PreviewView({ preview, fileName, confirmed, onConfirmed }: { preview: ImportPreview; fileName: string; confirmed: boolean; onConfirmed: (v: boolean) => void }) {
  const h = preview.header;
  // The name the unit gives itself in its own unit record, to confirm along with the fingerprint.
  const ownName = preview.opened.records.unit?.find((u) => u.id === h.senderUnitId)?.name ?? null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="文件">{fileName}</Descriptions.Item>
        <Descriptions.Item label="发送方">{preview.senderName || h.senderUnitId}</Descriptions.Item>
        {ownName !== null && !preview.readmit && (
          <Descriptions.Item label="单位自报名称" span={2}>
            <span data-testid="sender-own-name">{ownName}</span>
            {preview.senderName && ownName !== preview.senderName && (
              <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>
                与纳管登记的名称“{preview.senderName}”不一致，请核实是否为同一单位
              </Typography.Text>
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="同步包序号">第 {h.sequence} 号</Descriptions.Item>
        <Descriptions.Item label="范围">{bundleScopeText(h)}</Descriptions.Item>
        <Descriptions.Item label="生成时间">{new Date(h.createdAt).toLocaleString('zh-CN')}</Descriptions.Item>
        <Descriptions.Item label="发送方密钥指纹">
          <Typography.Text code data-testid="sender-fingerprint">
            {preview.senderFingerprint}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {preview.readmit && (
        <Alert
          type="warning"
          showIcon
          data-testid="readmit-notice"
          title={`重新纳入管理：${preview.senderName}`}
          description={
            <Space orientation="vertical">
              <span>本机没有该单位的登记记录（例如工委密钥从备份恢复后）。该同步包是发给本工委的。请与该单位电话核对单位名称和密钥指纹，确认后将其重新纳入管理。</span>
              <span>
                单位名称（单位自报）：<Typography.Text strong data-testid="readmit-unit-name">{preview.senderName}</Typography.Text>；密钥指纹：
                <Typography.Text code>{preview.senderFingerprint}</Typography.Text>
              </span>
              <span>请用本工委掌握的电话号码联系该单位（不要用同步包中的联系方式），请对方打开“设置”页念出“签名密钥指纹”，逐位核对。一致才能导入：该单位将以原有的单位编号重新登记，本机此后只接受这把密钥签名的同步包。</span>
              {!preview.keyCard && <span>注意：同步包中没有该设备的加密公钥，暂时无法给该单位生成回执。</span>}
              <Checkbox checked={confirmed} onChange={(e) => onConfirmed(e.target.checked)}>
                已与单位电话核对，密钥指纹一致
              </Checkbox>
            </Space>
          }
        />
      )}
      {preview.firstContact && !preview.readmit && (
        <Alert
          type="warning"
          showIcon
          title="首次接收该单位的同步包"
          description={
            <Space orientation="vertical">
              <span>请打电话给“{preview.senderName}”，核对单位名称，并请对方打开“设置”页念出“签名密钥指纹”，与上面的指纹逐位核对。一致才能导入；导入后本机将只接受这把密钥签名的同步包。</span>
              {!preview.keyCard && <span>注意：同步包中没有该设备的加密公钥，暂时无法给该单位生成回执。</span>}
              <Checkbox checked={confirmed} onChange={(e) => onConfirmed(e.target.checked)}>
                已与单位电话核对，密钥指纹一致
              </Checkbox>
            </Space>
          }
        />
      )}
      <CountsTable tables={preview.tables} testId="import-counts" />
      {preview.attachmentCount > 0 && <Typography.Text type="secondary">附件文件 {preview.attachmentCount} 个。</Typography.Text>}
    </Space>
  );
}
