/**
 * 设置 → 修改单位信息: the unit corrects what it typed at first start (issue 16). The credit code
 * stays as enrolled once the unit has imported its enrolment file (the 工委 checks the unit by it);
 * the form says so beside the field instead of refusing at save.
 */
import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { EXAMPLE_CREDIT_CODE } from '../../../shared/model/creditCode';
import { PARTY_GROUP_KIND_LABELS, type PartyGroupKind } from '../../../shared/model/vocabulary';
import type { WorkspaceRow } from '../../db/localTypes';
import { enrolledCommitteeName } from '../../db/queries/reports';
import { updateUnitInfo } from '../../db/workspaceRepository';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  name: string;
  creditCode: string;
  staffCount: number | null;
  partyGroupKind: PartyGroupKind;
}

const FIELDS = ['name', 'creditCode', 'staffCount', 'partyGroupKind'] as const;

export function UnitInfoModal({ open, workspace, onClose }: { open: boolean; workspace: WorkspaceRow; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const committee = useAppQuery(enrolledCommitteeName);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      name: workspace.name,
      creditCode: workspace.creditCode ?? '',
      staffCount: workspace.staffCount,
      ...(workspace.partyGroupKind ? { partyGroupKind: workspace.partyGroupKind } : {}),
    });
  }, [open, workspace, form]);

  async function submit(v: Values) {
    const saved = await run((ctx) => updateUnitInfo(ctx, { name: v.name, creditCode: v.creditCode, staffCount: v.staffCount, partyGroupKind: v.partyGroupKind }), {
      success: '单位信息已保存，下次导出同步包时报送工委',
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  const locked = typeof committee === 'string';
  return (
    <Modal open={open} title="修改单位信息" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="单位信息">
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}
          extra={
            locked
              ? `本单位已向“${committee}”办理纳管登记，工委凭此代码核对本单位，不能在本机修改。如登记时代码有误，请联系工委重新办理纳管登记。`
              : '18 位，见单位法人证书；程序会核对校验位。'
          }
        >
          <Input placeholder={`例如：${EXAMPLE_CREDIT_CODE}`} maxLength={18} disabled={locked} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="staffCount" label="机关工作人员总数" rules={[{ required: true, message: '请填写机关工作人员总数' }]} extra="用于计算专职党务干部占比（1%—2%）。">
          <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} suffix="人" />
        </Form.Item>
        <Form.Item name="partyGroupKind" label="单位设立" rules={[{ required: true, message: '请选择设立党组还是党委' }]}>
          <Radio.Group optionType="button" options={Object.entries(PARTY_GROUP_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
