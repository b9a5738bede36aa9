/**
 * First start: choose the workspace mode (单位 or 工委) and record who this is.
 * Creates the device identity on completion. Nothing is written until the form is valid.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { BankOutlined, ClusterOutlined } from '@ant-design/icons';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { PARTY_GROUP_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { SetupInput } from '../../../shared/setup/setupInput';
import { appDatabase } from '../../db/db';
import { completeSetup } from '../../db/workspaceRepository';

interface FormValues {
  mode: WorkspaceMode;
  name?: string;
  creditCode?: string;
  staffCount?: number | null;
  partyGroupKind?: 'partyGroup' | 'partyCommittee';
  operatorName?: string;
}

function toInput(v: FormValues): SetupInput {
  if (v.mode === 'committee') return { mode: 'committee', name: v.name ?? '', operatorName: v.operatorName ?? '' };
  return {
    mode: 'unit',
    name: v.name ?? '',
    creditCode: v.creditCode ?? '',
    staffCount: v.staffCount ?? (undefined as unknown as number),
    partyGroupKind: v.partyGroupKind ?? (undefined as unknown as 'partyGroup'),
    operatorName: v.operatorName ?? '',
  };
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: FormValues) {
    setSaving(true);
    setError(null);
    try {
      const result = await completeSetup(appDatabase(), toInput(values));
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
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f4f1ea', padding: 24 }}>
      <Card style={{ width: 620, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, color: '#b71c1c' }}>
          机关党建台账 · 初始设置
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          首次使用，请选择本机的工作模式并填写基本信息。数据只保存在本机，不联网；与工委之间通过U盘交换加密同步包。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ mode: 'unit', partyGroupKind: 'partyGroup' }}
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
          {mode === 'unit' ? (
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
                <Input placeholder="例如：11410100MB1234567X" maxLength={18} style={{ fontFamily: 'monospace' }} />
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
            <Form.Item name="name" label="工委名称" rules={[{ required: true, message: '请填写工委名称' }]}>
              <Input placeholder="例如：中共某某市委直属机关工作委员会" maxLength={60} autoFocus />
            </Form.Item>
          )}
          <Form.Item name="operatorName" label="操作人姓名（选填）" extra="记入每条修改记录的“修改人”。">
            <Input maxLength={20} style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={saving} block>
            完成设置
          </Button>
        </Form>
      </Card>
    </div>
  );
}
