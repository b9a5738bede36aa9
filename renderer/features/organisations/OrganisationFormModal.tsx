/** 新增 / 编辑 a party organisation: name, kind, place in the tree, founding, term and approval. */
import { useEffect, useMemo } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Space, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Organisation } from '../../../shared/model/organisation';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../shared/model/vocabulary';
import { addYears } from '../../../shared/rules/dates';
import { ALLOWED_PARENTS, treeOrder } from '../../../shared/rules/organisations/organisationTree';
import { chineseDate } from '../../../shared/rules/text';
import { createOrganisation, updateOrganisation } from '../../db/organisationRepository';
import { fromIso, toIso } from '../common/dates';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  name: string;
  kind: OrganisationKind;
  parentId?: string | null;
  foundedOn?: Dayjs | null;
  termStart?: Dayjs | null;
  termYears?: number | null;
  approvalNo?: string;
  approvedOn?: Dayjs | null;
}

const FIELDS = ['name', 'kind', 'parentId', 'foundedOn', 'termStart', 'termYears', 'approvalNo', 'approvedOn'];

export function OrganisationFormModal({
  open,
  editing,
  defaultParentId,
  organisations,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: Organisation | null;
  defaultParentId: string | null;
  organisations: readonly Organisation[];
  onClose: () => void;
  onSaved: (org: Organisation) => void;
}) {
  const [form] = Form.useForm<Values>();
  const profile = useRuleProfile();
  const run = useWriteAction();
  const kind = Form.useWatch('kind', form);
  const termStart = Form.useWatch('termStart', form);
  const termYears = Form.useWatch('termYears', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        kind: editing.kind,
        parentId: editing.parentId,
        foundedOn: fromIso(editing.foundedOn),
        termStart: fromIso(editing.termStart),
        termYears: editing.termYears,
        approvalNo: editing.approvalNo,
        approvedOn: fromIso(editing.approvedOn),
      });
    } else {
      const parent = organisations.find((o) => o.id === defaultParentId);
      const kind: OrganisationKind = parent?.kind === 'branch' ? 'group' : parent ? 'branch' : 'organCommittee';
      form.setFieldsValue({ kind, parentId: defaultParentId, termYears: profile.terms.years[kind] });
    }
  }, [open, editing, defaultParentId, organisations, form, profile]);

  const treeData = useMemo(() => {
    const live = organisations.filter((o) => !o.dissolvedOn && o.id !== editing?.id);
    const nodes = new Map<string, { title: string; value: string; disabled: boolean; children: unknown[] }>();
    const roots: unknown[] = [];
    for (const { node } of treeOrder(live)) {
      const entry = {
        title: `${node.name}（${ORGANISATION_KIND_LABELS[node.kind]}）`,
        value: node.id,
        disabled: kind ? !ALLOWED_PARENTS[kind].includes(node.kind) : false,
        children: [] as unknown[],
      };
      nodes.set(node.id, entry);
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(entry);
    }
    return roots;
  }, [organisations, editing, kind]);

  const computedEnd = termStart && termYears ? chineseDate(addYears(toIso(termStart)!, termYears)) : null;

  async function submit(v: Values) {
    const fields = {
      name: v.name,
      kind: v.kind,
      parentId: v.parentId ?? null,
      foundedOn: toIso(v.foundedOn),
      termStart: toIso(v.termStart),
      termYears: v.termYears ?? null,
      approvalNo: v.approvalNo ?? '',
      approvedOn: toIso(v.approvedOn),
    };
    const saved = await run(
      (ctx) =>
        editing
          ? updateOrganisation(ctx, editing.id, fields)
          : createOrganisation(ctx, { ...fields, dissolvedOn: null, termEnd: null, extension: null }),
      { success: editing ? '已保存' : `已新增“${v.name}”`, form, fields: FIELDS },
    );
    if (saved) onSaved(saved);
  }

  return (
    <Modal
      open={open}
      title={editing ? `编辑党组织：${editing.name}` : '新增党组织'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="党组织信息">
        <Form.Item name="name" label="党组织名称" rules={[{ required: true, whitespace: true, message: '请填写党组织名称' }]}>
          <Input maxLength={60} placeholder="例如：办公室党支部" />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]} style={{ width: 200 }}>
            <Select
              options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
              onChange={(k: OrganisationKind) => form.setFieldValue('termYears', profile.terms.years[k])}
            />
          </Form.Item>
          <Form.Item name="parentId" label="上级党组织" style={{ width: 380 }} extra="不选表示最上级。">
            <TreeSelect treeData={treeData as never} allowClear treeDefaultExpandAll placeholder="（最上级）" />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="foundedOn" label="成立日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="approvalNo" label="成立批复文号">
            <Input maxLength={100} placeholder="例如：市直工〔2024〕8号" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="approvedOn" label="批复日期">
            <DatePicker />
          </Form.Item>
        </Space>
        {kind !== 'group' && (
          <Space size={16} style={{ display: 'flex' }} align="start" wrap>
            <Form.Item name="termStart" label="本届任期开始" extra="上次换届选举的日期。">
              <DatePicker />
            </Form.Item>
            <Form.Item name="termYears" label="任期（年）" extra="党章规定 3—5 年。">
              <InputNumber min={1} max={10} precision={0} />
            </Form.Item>
            <Form.Item label="届满日期">
              <Typography.Text type={computedEnd ? undefined : 'secondary'} data-testid="computed-term-end">
                {computedEnd ?? '填写任期开始和年限后自动计算'}
              </Typography.Text>
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}
