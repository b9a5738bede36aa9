/**
 * 同步 (unit): import the committee's enrolment file once (confirming the committee's key
 * fingerprint), export a bundle of every change since the last receipt (or everything) with a
 * progress bar, import the committee's return bundle (receipt, notices, cards), and see the
 * conflicts such imports found (ConflictsCard) and the import history (ImportHistoryCard).
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Modal, Progress, Space, Typography } from 'antd';
import { ExportOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import { RECORD_TABLE_LABELS, type RecordTable } from '../../../shared/model/tables';
import type { WorkspaceRow } from '../../db/localTypes';
import { restartSessionWriteContext, onAppDatabase, sessionWriteContext } from '../../db/session';
import { acceptEnrolment, committeePeer, previewEnrolment, type EnrolmentPreview } from '../../db/sync/enrolment';
import { ENROLMENT_EXTENSION, parseEnrolmentFile } from '../../db/sync/enrolmentFile';
import { BUNDLE_FILTERS, exportUnitBundle, pendingChangeCount, type ExportedBundle } from '../../db/sync/exportBundle';
import { platform } from '../../platform';
import { useAppQuery } from '../common/useAppQuery';
import { ConflictsCard } from './ConflictsCard';
import { ImportHistoryCard } from './ImportHistoryCard';
import { ImportPanel } from './ImportPanel';

export function UnitSyncPage({ workspace }: { workspace: WorkspaceRow }) {
  const peer = useAppQuery(committeePeer);
  const pending = useAppQuery(pendingChangeCount);
  const [error, setError] = useState<string | null>(null);
  const [enrolment, setEnrolment] = useState<EnrolmentPreview | null>(null);
  const [fingerprintOk, setFingerprintOk] = useState(false);
  const [full, setFull] = useState(false);
  const [progress, setProgress] = useState<{ percent: number; stage: string } | null>(null);
  const [exported, setExported] = useState<ExportedBundle | null>(null);

  async function pickEnrolment() {
    setError(null);
    try {
      const file = await platform().openFile([{ name: '纳管登记文件', extensions: [ENROLMENT_EXTENSION] }]);
      if (!file) return;
      const parsed = parseEnrolmentFile(file.bytes);
      if (!parsed.ok) return setError(parsed.error.message);
      const preview = await onAppDatabase(previewEnrolment, parsed.value);
      if (!preview.ok) return setError(preview.error.message);
      setFingerprintOk(false);
      setEnrolment(preview.value);
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '读取登记文件失败，请重试。');
    }
  }

  async function confirmEnrolment() {
    if (!enrolment) return;
    const r = await onAppDatabase(acceptEnrolment, enrolment.file);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setEnrolment(null);
    // The session's write context holds the unit id: start it afresh with the assigned one.
    if (r.value.rekeyed) restartSessionWriteContext();
  }

  async function exportBundle() {
    setError(null);
    setExported(null);
    setProgress({ percent: 0, stage: '开始' });
    try {
      const r = await exportUnitBundle(await sessionWriteContext(), { full, onProgress: (percent, stage) => setProgress({ percent, stage }) });
      if (!r.ok) {
        setError(r.error.message);
        setProgress(null);
        return;
      }
      await platform().saveFile(r.value.fileName, r.value.bytes, BUNDLE_FILTERS);
      setExported(r.value);
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '导出失败：本机数据存储出错。请重试；如仍失败，请重新启动程序。');
      setProgress(null);
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        同步
      </Typography.Title>
      {error && <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} data-testid="sync-page-error" />}
      <Card title="纳管登记" data-testid="enrolment-card">
        {peer ? (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="报送对象">{peer.name}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{new Date(peer.enrolledAt).toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label="最近回执">
              {peer.lastReceipt ? `第 ${peer.lastReceipt.highestSequence} 号同步包已被工委接收（${new Date(peer.lastReceipt.receivedAt).toLocaleString('zh-CN')}）` : '尚未收到回执'}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Paragraph>本单位尚未登记。请向市委直属机关工委索取本单位的“纳管登记文件”（.tze），用U盘拷到本机后导入。</Typography.Paragraph>
        )}
        <Button icon={<SafetyCertificateOutlined />} style={{ marginTop: 12 }} onClick={() => void pickEnrolment()}>
          {peer ? '重新导入登记文件' : '导入登记文件'}
        </Button>
      </Card>
      {peer && (
        <Card title="报送数据（导出同步包）" data-testid="export-card">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="pending-changes">
              {pending?.snapshot ? '尚未收到工委回执，将导出全部数据。' : `自上次回执以来有 ${pending?.changes ?? 0} 条记录发生变化。`}
            </Typography.Text>
            <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
              导出全部数据（不论回执）
            </Checkbox>
            <Button type="primary" icon={<ExportOutlined />} loading={progress !== null && progress.percent < 100 && !exported} onClick={() => void exportBundle()}>
              导出同步包
            </Button>
            {progress && <Progress percent={progress.percent} status={exported ? 'success' : 'active'} format={(p) => `${p ?? 0}% ${progress.stage}`} data-testid="export-progress" />}
            {exported && (
              <Alert
                type="success"
                showIcon
                data-testid="export-result"
                title={`已导出“${exported.fileName}”`}
                description={`${exported.header.snapshot ? '完整数据' : '变更数据'}，共 ${exported.totalRecords} 条记录${exported.attachmentCount ? `、${exported.attachmentCount} 个附件` : ''}：${
                  Object.entries(exported.counts)
                    .map(([t, n]) => `${RECORD_TABLE_LABELS[t as RecordTable]} ${n}`)
                    .join('，') || '无变化'
                }。请把文件拷到U盘交工委导入。`}
              />
            )}
          </Space>
        </Card>
      )}
      {peer && <ImportPanel title="导入工委回执" hint="工委导入本单位的同步包后会生成回执同步包（含回执、通知、红黄牌等），拷回本机后在这里导入。" />}
      {peer && <ConflictsCard mode="unit" />}
      {peer && <ImportHistoryCard mode="unit" />}
      <Modal
        open={enrolment !== null}
        title="确认纳管登记"
        okText="确认登记"
        cancelText="取消"
        okButtonProps={{ disabled: !fingerprintOk }}
        onOk={() => void confirmEnrolment()}
        onCancel={() => setEnrolment(null)}
        destroyOnHidden
      >
        {enrolment && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="工委">{enrolment.file.committeeName}</Descriptions.Item>
              <Descriptions.Item label="登记单位名称">{enrolment.file.unitName}</Descriptions.Item>
              <Descriptions.Item label="工委密钥指纹">
                <Typography.Text code data-testid="committee-fingerprint">
                  {enrolment.committeeFingerprint}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {enrolment.file.unitName !== workspace.name && <Alert type="warning" showIcon title={`登记文件中的单位名称（${enrolment.file.unitName}）与本单位名称（${workspace.name}）不同，请确认是本单位的文件。`} />}
            {enrolment.rekey && <Alert type="info" showIcon title={`本单位已录入的 ${enrolment.recordsToRekey} 条记录将改用工委分配的单位编号，登记后程序会重新载入。`} />}
            <Checkbox checked={fingerprintOk} onChange={(e) => setFingerprintOk(e.target.checked)}>
              已与工委电话核对，密钥指纹一致
            </Checkbox>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
