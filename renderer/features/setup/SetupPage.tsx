/**
 * First start: choose the workspace mode (单位 or 工委) and record who this is.
 * Creates the device identity on completion. Nothing is written until the form is valid.
 * 工委: a new committee also sets the passphrase of its key backup (the keys are sealed before they
 * are stored; the next step saves the file), or restores its keys from a backup file.
 * Where the OS keeps no keys for the program, the 开机口令 is set here too: the data key is made
 * and unlocked before setup writes anything (docs/security.md).
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { BankOutlined, ClusterOutlined } from '@ant-design/icons';
import { KEY_BACKUP_MIN_PASSPHRASE_LENGTH, newPassphraseProblem } from '../../../shared/bundle/keyBackup';
import { EXAMPLE_CREDIT_CODE } from '../../../shared/model/creditCode';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { PARTY_GROUP_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { SetupFormInput } from '../../../shared/setup/setupInput';
import { setUpCommittee } from '../../db/committeeSetup';
import { onAppDatabase } from '../../db/session';
import { completeSetup } from '../../db/workspaceRepository';
import { ScryptProgressBar, useScryptProgress } from '../common/ScryptProgress';
import { createDataKeyFor, StartupPassphraseFields, useDataKeyProtection } from '../common/StartupPassphrase';
import { CommitteeRestoreForm } from './CommitteeRestoreForm';
import { BackupRestoreStep } from './BackupRestoreStep';

interface FormValues {
  mode: WorkspaceMode;
  name?: string;
  creditCode?: string;
  staffCount?: number | null;
  partyGroupKind?: 'partyGroup' | 'partyCommittee';
  operatorName?: string;
  committeeStart?: 'new' | 'restore';
  passphrase?: string;
  passphraseConfirmation?: string;
  startupPassphrase?: string;
  startupPassphraseConfirmation?: string;
}

function toInput(v: FormValues): SetupFormInput {
  if (v.mode === 'committee') return { mode: 'committee', name: v.name ?? '', operatorName: v.operatorName ?? '' };
  return {
    mode: 'unit',
    name: v.name ?? '',
    creditCode: v.creditCode ?? '',
    staffCount: v.staffCount ?? undefined,
    partyGroupKind: v.partyGroupKind,
    operatorName: v.operatorName ?? '',
  };
}

/** The backup passphrase, twice, with the rule said in Chinese. */
function PassphraseFields() {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="设置密钥备份口令"
        description={`工委的密钥用于解密各单位报送的同步包、为工委下发的文件签名。完成设置后，程序用此口令加密生成密钥备份文件，请保存到U盘等安全位置；这台电脑损坏或重装时，凭备份文件和口令即可恢复同一工委密钥（密钥指纹不变，各单位手中的纳管登记文件继续有效）。口令至少 ${KEY_BACKUP_MIN_PASSPHRASE_LENGTH} 个字符，建议用一句只有您知道、不易被猜到的话，例如“我们支部2026年去了井冈山”。程序不保存口令，忘记后无法找回。`}
      />
      <Form.Item
        name="passphrase"
        label="备份口令"
        required
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const problem = newPassphraseProblem(value ?? '', value ?? '');
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="passphraseConfirmation"
        label="确认备份口令"
        required
        dependencies={['passphrase']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的口令不一致，请重新输入确认口令。')),
          }),
        ]}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

const modeCard = (icon: React.ReactNode, title: string, text: string) => (
  <Space align="start" size={12}>
    <span style={{ fontSize: 28, lineHeight: 1 }}>{icon}</span>
    <span>
      <Typography.Text strong style={{ fontSize: 16 }}>
        {title}
      </Typography.Text>
      <br />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </span>
  </Space>
);

export function SetupPage() {
  const [form] = Form.useForm<FormValues>();
  const mode = Form.useWatch('mode', form) ?? 'unit';
  const committeeStart = Form.useWatch('committeeStart', form) ?? 'new';
  const restoring = mode === 'committee' && committeeStart === 'restore';
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sealing = useScryptProgress();
  const [fromBackup, setFromBackup] = useState(false);
  const protection = useDataKeyProtection();

  async function setUp(values: FormValues) {
    const asksPassphrase = protection === 'checking' || !protection.os;
    if (asksPassphrase || values.mode === 'committee') sealing.start();
    const key = await createDataKeyFor(protection, values.startupPassphrase, values.mode === 'committee' ? (f) => sealing.onProgress(f / 2) : sealing.onProgress);
    if (!key.ok) return { ok: false as const, error: { ...key.error, path: ['startupPassphrase'] } };
    if (values.mode !== 'committee') return onAppDatabase(completeSetup, toInput(values));
    return onAppDatabase(
      setUpCommittee,
      { name: values.name ?? '', operatorName: values.operatorName ?? '', passphrase: values.passphrase ?? '', passphraseConfirmation: values.passphraseConfirmation ?? '' },
      { onProgress: (f: number) => sealing.onProgress(0.5 + f / 2) },
    );
  }

  async function submit(values: FormValues) {
    setSaving(true);
    setError(null);
    try {
      const result = await setUp(values);
      if (!result.ok) {
        const field = result.error.path?.[0];
        if (typeof field === 'string' && field !== 'mode') {
          form.setFields([{ name: field as keyof FormValues, errors: [result.error.message] }]);
        } else {
          setError(result.error.message);
        }
      }
      // On success the live query of the workspace switches the app to its frame.
    } catch {
      setError('保存失败：本机数据存储不可用。请关闭程序后重新打开；如仍失败，请联系技术支持。');
    } finally {
      setSaving(false);
      sealing.stop();
    }
  }

  if (fromBackup) return <BackupRestoreStep onBack={() => setFromBackup(false)} />;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f4f1ea', padding: 24 }}>
      <Card style={{ width: 620, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, color: '#b71c1c' }}>
          机关党建台账 · 初始设置
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          首次使用，请选择本机的工作模式并填写基本信息。数据只保存在本机，不联网；与工委之间通过U盘交换加密同步包。
        </Typography.Paragraph>
        <Typography.Paragraph>
          换了电脑或重装了程序，并保存过台账备份？
          <Button type="link" onClick={() => setFromBackup(true)} data-testid="setup-from-backup" style={{ paddingInline: 4 }}>
            从台账备份恢复
          </Button>
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ mode: 'unit', partyGroupKind: 'partyGroup', committeeStart: 'new' }}
          onFinish={(v) => void submit(v)}
          requiredMark
          aria-label="初始设置"
        >
          <Form.Item name="mode" label="工作模式" rules={[{ required: true, message: '请选择工作模式' }]}>
            <Radio.Group style={{ width: '100%' }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Radio value="unit" data-testid="mode-unit">
                  {modeCard(<BankOutlined />, '单位', '市直单位党务干部使用：记录本单位党组织、党员、三会一课等台账，定期导出同步包报送工委。')}
                </Radio>
                <Radio value="committee" data-testid="mode-committee">
                  {modeCard(<ClusterOutlined />, '工委', '市委直属机关工委使用：导入各单位同步包，监测全市机关党建情况，下发通知和红黄牌。')}
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {mode === 'committee' && (
            <Form.Item name="committeeStart" label="工委密钥">
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'new', label: '新建工委台账（生成新密钥）' },
                  { value: 'restore', label: '从密钥备份恢复' },
                ]}
              />
            </Form.Item>
          )}
          {restoring ? null : mode === 'unit' ? (
            <>
              <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
                <Input placeholder="例如：市财政局" maxLength={60} autoFocus />
              </Form.Item>
              <Form.Item
                name="creditCode"
                label="统一社会信用代码"
                rules={[{ required: true, message: '请填写统一社会信用代码' }]}
                extra="18 位，见单位法人证书；程序会核对校验位。"
              >
                <Input placeholder={`例如：${EXAMPLE_CREDIT_CODE}`} maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Space size={24} wrap>
                <Form.Item
                  name="staffCount"
                  label="机关工作人员总数"
                  rules={[{ required: true, message: '请填写机关工作人员总数' }]}
                  extra="用于计算专职党务干部占比（1%—2%）。"
                >
                  <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} addonAfter="人" />
                </Form.Item>
                <Form.Item name="partyGroupKind" label="单位设立" rules={[{ required: true, message: '请选择设立党组还是党委' }]}>
                  <Radio.Group
                    optionType="button"
                    options={Object.entries(PARTY_GROUP_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
              </Space>
            </>
          ) : (
            <>
              <Form.Item name="name" label="工委名称" rules={[{ required: true, message: '请填写工委名称' }]}>
                <Input placeholder="例如：中共某某市委直属机关工作委员会" maxLength={60} autoFocus />
              </Form.Item>
              <PassphraseFields />
            </>
          )}
          {!restoring && (
            <>
              <Form.Item name="operatorName" label="操作人姓名（选填）" extra="记入每条修改记录的“修改人”。">
                <Input maxLength={20} style={{ width: 240 }} />
              </Form.Item>
              {protection !== 'checking' && !protection.os && <StartupPassphraseFields reason={protection.reason} />}
              {sealing.active && (
                <ScryptProgressBar
                  progress={sealing}
                  label={mode === 'committee' ? '正在生成工委密钥并用口令加密（约需几秒钟，请稍候）…' : '正在生成本机加密密钥（约需几秒钟，请稍候）…'}
                  testId="sealing-progress"
                />
              )}
              <Button type="primary" htmlType="submit" size="large" loading={saving} disabled={protection === 'checking'} block>
                完成设置
              </Button>
            </>
          )}
        </Form>
        {restoring && <CommitteeRestoreForm />}
      </Card>
    </div>
  );
}
