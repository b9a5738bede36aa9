/**
 * 亮牌: the committee issues a yellow or red card to an enrolled unit or one of its organisations —
 * trigger (事由), evidence (依据), fix-by date, consequences — after a confirmation that says who
 * gets which card. Opened blank or prefilled (an escalation proposal: a red card to the same subject;
 * a 联系组 visit's follow-up item: the unit, the texts and the visit). 依据的督导检查 links the card to
 * one of the unit's visits (`card.visitId`); the stored 依据 then names the visit in words for the unit.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Popconfirm, Radio, Select, Space } from 'antd';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { CARD_COLOUR_LABELS, type CardColour, type CardSubjectKind } from '../../../shared/model/vocabulary';
import { issueCard } from '../../db/accountabilityRepository';
import { cardSubjectChoices } from '../../db/queries/accountability';
import { unitSupervisionVisits } from '../../db/queries/supervision';
import { fromIso, toIso } from '../common/dates';
import { matchesName, nameKey } from '../common/nameSearch';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';
import { visitChoicesForCard } from './cardVisitChoices';

/** 处理措施 offered (the committee may type others). */
export const CONSEQUENCE_CHOICES = ['约谈', '通报', '取消评先评优资格', '述职评议扣分', '组织调整'] as const;

export interface CardDraft {
  unitId?: string;
  subjectKind?: CardSubjectKind;
  subjectId?: string;
  colour?: CardColour;
  trigger?: string;
  evidence?: string;
  /** The 联系组 visit the card is issued on. */
  visitId?: string;
}

interface FormValues {
  unitId: string;
  subjectKind: CardSubjectKind;
  subjectId?: string;
  colour: CardColour;
  trigger: string;
  evidence?: string;
  visitId?: string | null;
  issuedOn: ReturnType<typeof fromIso>;
  fixBy: ReturnType<typeof fromIso>;
  consequences?: string[];
}

const FIELDS = ['unitId', 'subjectId', 'colour', 'trigger', 'evidence', 'visitId', 'issuedOn', 'fixBy', 'consequences'] as const;

export function IssueCardDrawer({ open, draft, units, onClose }: { open: boolean; draft: CardDraft | null; units: readonly EnrolledUnit[]; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  const unitId = Form.useWatch('unitId', form);
  const subjectKind = Form.useWatch('subjectKind', form);
  const colour = Form.useWatch('colour', form);
  const organisations = useAppQuery(cardSubjectChoices, unitId ?? '');
  const unitVisits = useAppQuery(unitSupervisionVisits, unitId ?? '');
  const visitChoices = useMemo(() => visitChoicesForCard(unitVisits ?? [], unitId), [unitVisits, unitId]);
  const noVisits = Boolean(unitId) && unitVisits !== undefined && visitChoices.length === 0;
  const activeUnits = useMemo(() => units.filter((u) => u.status === 'active'), [units]);
  const nameKeys = useMemo(() => new Map(activeUnits.map((u) => [u.unitId, nameKey(u.name)] as const)), [activeUnits]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      unitId: draft?.unitId,
      subjectKind: draft?.subjectKind ?? 'unit',
      subjectId: draft?.subjectKind === 'organisation' ? draft.subjectId : undefined,
      colour: draft?.colour ?? 'yellow',
      trigger: draft?.trigger ?? '',
      evidence: draft?.evidence ?? '',
      visitId: draft?.visitId,
      issuedOn: fromIso(todayIso()),
      fixBy: null,
      consequences: [],
    });
  }, [open, draft, form]);

  const unitName = units.find((u) => u.unitId === unitId)?.name ?? '';
  const subjectName = subjectKind === 'organisation' ? (organisations?.find((o) => o.id === form.getFieldValue('subjectId'))?.name ?? '') : unitName;

  async function submit() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const saved = await run(
      (ctx) =>
        issueCard(ctx, {
          unitId: values.unitId,
          subjectKind: values.subjectKind,
          subjectId: values.subjectKind === 'unit' ? values.unitId : (values.subjectId ?? ''),
          colour: values.colour,
          trigger: values.trigger,
          evidence: values.evidence ?? '',
          issuedOn: toIso(values.issuedOn) ?? todayIso(),
          fixBy: toIso(values.fixBy),
          consequences: values.consequences ?? [],
          visitId: values.visitId ?? null,
        }),
      { success: `已向${unitName}发出${CARD_COLOUR_LABELS[values.colour]}，将随该单位的下一个回执送达`, form, fields: FIELDS },
    );
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <Drawer
      title="亮牌"
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Popconfirm
            title={`确认向${subjectName || '所选对象'}发出${CARD_COLOUR_LABELS[colour ?? 'yellow']}？`}
            description="发出后随该单位的下一个回执送达单位，不能撤回，只能销牌。"
            okText="确认发出"
            cancelText="再想想"
            onConfirm={() => void submit()}
          >
            <Button type="primary" danger={colour === 'red'} loading={saving}>
              发出
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {activeUnits.length === 0 ? (
        <Alert type="info" showIcon title="还没有已启用的纳管单位" description="单位的第一个同步包导入并确认后，才能向其亮牌。" />
      ) : (
        <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => undefined}>
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              showSearch
              placeholder="输入单位名称或拼音首字母"
              options={activeUnits.map((u) => ({ value: u.unitId, label: u.name }))}
              filterOption={(input, option) => {
                const key = option ? nameKeys.get(option.value) : undefined;
                return key !== undefined && matchesName(key, input);
              }}
              onChange={() => form.setFieldsValue({ subjectId: undefined, visitId: undefined })}
            />
          </Form.Item>
          <Form.Item name="subjectKind" label="亮牌对象">
            <Radio.Group
              options={[
                { value: 'unit', label: '单位党组(党委)' },
                { value: 'organisation', label: '所属党组织' },
              ]}
            />
          </Form.Item>
          {subjectKind === 'organisation' && (
            <Form.Item name="subjectId" label="党组织" rules={[{ required: true, message: '请选择党组织' }]}>
              <Select
                showSearch
                placeholder={unitId ? '选择该单位的党组织' : '请先选择单位'}
                disabled={!unitId}
                optionFilterProp="label"
                options={(organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
                notFoundContent={unitId ? '该单位尚未报送党组织' : null}
              />
            </Form.Item>
          )}
          <Form.Item name="colour" label="牌色">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'yellow', label: '黄牌' },
                { value: 'red', label: '红牌' },
              ]}
            />
          </Form.Item>
          <Form.Item name="trigger" label="亮牌事由" rules={[{ required: true, whitespace: true, message: '请填写亮牌事由' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} showCount placeholder="如：第三季度两个党支部未召开党员大会" />
          </Form.Item>
          <Form.Item name="evidence" label="亮牌依据" extra="监控发现、督导检查的情况或相关记录，单位会看到这段文字。">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <Form.Item
            name="visitId"
            label="依据的督导检查"
            extra={noVisits ? '联系组尚未到该单位督导检查（或已删除），可不选。' : '选择后，亮牌依据会写明这次督导的日期和方式，单位据此知道是哪次督导检查；不是据督导检查亮牌的，不选。'}
          >
            <Select
              allowClear
              placeholder={unitId ? (noVisits ? '没有可选的督导检查' : '不选') : '请先选择单位'}
              disabled={!unitId || noVisits}
              options={visitChoices.map((c) => ({ value: c.value, label: c.label }))}
              aria-label="依据的督导检查"
            />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="issuedOn" label="亮牌日期" rules={[{ required: true, message: '请选择亮牌日期' }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="fixBy" label="整改期限" extra="逾期未整改的黄牌将被提示升级为红牌">
              <DatePicker placeholder="不设期限" />
            </Form.Item>
          </Space>
          <Form.Item name="consequences" label="处理措施">
            <Select mode="tags" placeholder="选择或输入" options={CONSEQUENCE_CHOICES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
