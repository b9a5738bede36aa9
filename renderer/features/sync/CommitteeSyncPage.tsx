/**
 * 同步 (committee): enrol a unit by name and 统一社会信用代码 (its enrolment file is saved at once), the
 * enrolled units with credit code, status, key fingerprint and last bundle (enrolment file again,
 * return bundle, re-enrol, revoke), import a unit's bundle, 批量导入 (BatchImportPanel), 批量生成回执
 * (ReturnBatchCard), the conflicts list (ConflictsCard) and the import history (ImportHistoryCard).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { keyFingerprintOfBase64 } from '../../../shared/bundle';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { creditCodeProblem } from '../../../shared/model/creditCode';
import { unitRegister, type RegisterEntry } from '../../db/queries/register';
import { sessionWriteContext } from '../../db/session';
import { enrolmentFileFor, enrolUnit, normaliseCreditCode, reEnrolUnit, revokeUnit } from '../../db/sync/enrolment';
import { ENROLMENT_EXTENSION } from '../../db/sync/enrolmentFile';
import { BUNDLE_FILTERS, exportReturnBundle } from '../../db/sync/exportBundle';
import { platform } from '../../platform';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';
import { ConflictsCard } from './ConflictsCard';
import { ImportHistoryCard } from './ImportHistoryCard';
import { BatchImportPanel } from './BatchImportPanel';
import { ImportPanel } from './ImportPanel';
import { ReturnBatchCard } from './ReturnBatchCard';

const STATUS: Record<EnrolledUnit['status'], { color: string; text: string }> = {
  invited: { color: 'default', text: '待首次报送' },
  active: { color: 'success', text: '已启用' },
  revoked: { color: 'error', text: '已吊销' },
};

interface EnrolForm {
  name: string;
  creditCode: string;
}

/** The form's check, the same as the repository's (shared/model/creditCode). */
function checkCreditCode(_: unknown, value: string | undefined): Promise<void> {
  if (!value) return Promise.resolve(); // the required rule speaks
  const problem = creditCodeProblem(value);
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
}

export function CommitteeSyncPage() {
  const rows = useAppQuery(unitRegister);
  const [form] = Form.useForm<EnrolForm>();
  const [error, setError] = useState<string | null>(null);
  const [batchUnits, setBatchUnits] = useState<string[]>([]);
  // the enrolment runs (a write, then the file): the button says so and a second click does nothing
  const [enrolling, setEnrolling] = useState(false);
  const run = useWriteAction();
  const { message } = App.useApp();

  async function saveEnrolmentFile(unitId: string) {
    const file = await enrolmentFileFor(await sessionWriteContext(), unitId);
    if (!file.ok) return setError(file.error.message);
    await platform().saveFile(file.value.fileName, file.value.bytes, [{ name: '纳管登记文件', extensions: [ENROLMENT_EXTENSION] }]);
    void message.success(`已导出“${file.value.fileName}”，请拷给该单位导入。`);
  }

  async function enrol({ name, creditCode }: EnrolForm) {
    if (enrolling) return;
    setError(null);
    setEnrolling(true);
    try {
      const unit = await run((ctx) => enrolUnit(ctx, name, creditCode), { form, fields: ['name', 'creditCode'] });
      if (!unit) return;
      form.resetFields();
      await saveEnrolmentFile(unit.id);
    } finally {
      setEnrolling(false);
    }
  }

  async function returnBundle(unitId: string) {
    setError(null);
    const r = await exportReturnBundle(await sessionWriteContext(), unitId);
    if (!r.ok) return setError(r.error.message);
    await platform().saveFile(r.value.fileName, r.value.bytes, BUNDLE_FILTERS);
    void message.success(`已生成回执“${r.value.fileName}”，请拷给该单位导入。`);
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        同步
      </Typography.Title>
      {error && <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} data-testid="sync-page-error" />}
      <Card title="纳管单位" data-testid="enrolled-units">
        <Form form={form} layout="inline" onFinish={(v) => void enrol(v)} style={{ marginBottom: 16 }}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写要登记的单位名称' }]}>
            <Input style={{ width: 260 }} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            style={{ maxWidth: 560 }}
            normalize={(v: string | undefined) => (v === undefined ? v : normaliseCreditCode(v))}
            rules={[{ required: true, message: '请填写该单位的统一社会信用代码（18位，见单位的法人证书）' }, { validator: checkCreditCode }]}
          >
            <Input style={{ width: 220 }} maxLength={24} placeholder="18位，如 11410100MB1234567W" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={enrolling}>
            登记新单位并导出登记文件
          </Button>
        </Form>
        <Table<RegisterEntry>
          size="small"
          rowKey={(r) => r.unit.id}
          dataSource={rows ?? []}
          pagination={false}
          locale={{ emptyText: '尚未登记任何单位' }}
          columns={[
            { title: '单位', key: 'name', render: (_, r) => r.unit.name },
            { title: '统一社会信用代码', key: 'creditCode', render: (_, r) => r.unit.creditCode ?? '—' },
            { title: '状态', key: 'status', render: (_, r) => <Tag color={STATUS[r.unit.status].color}>{STATUS[r.unit.status].text}</Tag> },
            {
              title: '密钥指纹',
              key: 'fp',
              render: (_, r) => (r.unit.publicKey ? <Typography.Text code>{keyFingerprintOfBase64(r.unit.publicKey)}</Typography.Text> : '—'),
            },
            {
              title: '最近同步包',
              key: 'last',
              render: (_, r) => (r.peer?.lastBundle ? `第 ${r.peer.lastBundle.sequence} 号（${new Date(r.peer.lastBundle.at).toLocaleString('zh-CN')}）` : '—'),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, r) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => void saveEnrolmentFile(r.unit.id)}>
                    登记文件
                  </Button>
                  <Button size="small" type="primary" disabled={r.unit.status !== 'active'} onClick={() => void returnBundle(r.unit.id)}>
                    生成回执
                  </Button>
                  <Popconfirm title="重新登记后，该单位下一个同步包需重新核对密钥指纹。用于单位更换电脑或重装程序。" okText="重新登记" cancelText="取消" onConfirm={() => void run((ctx) => reEnrolUnit(ctx, r.unit.id), { success: '已重新登记，请把新的登记文件交给该单位' })}>
                    <Button size="small">重新登记</Button>
                  </Popconfirm>
                  <Popconfirm title="吊销后将拒绝该单位密钥签名的所有同步包。" okText="吊销" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void run((ctx) => revokeUnit(ctx, r.unit.id), { success: '已吊销该单位的密钥' })}>
                    <Button size="small" danger disabled={r.unit.status === 'revoked'}>
                      吊销
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ImportPanel title="导入单位同步包" hint="选择单位报送的同步包（.tzb）。导入前会显示来源、范围和将要发生的变化，确认后才写入。" />
      <BatchImportPanel onUnitsImported={setBatchUnits} />
      <ReturnBatchCard batchUnitIds={batchUnits} />
      <ConflictsCard mode="committee" />
      <ImportHistoryCard mode="committee" />
    </Space>
  );
}
