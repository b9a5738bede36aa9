/**
 * 登记 / 修改督导检查: the unit visited (from the register of enrolled units; fixed once recorded),
 * the way (调研/座谈/抽查/下沉指导), the date (not after today), the 联系组 members, what was found and
 * the follow-up items (整改要求), one short line each, and the 联系组's 日常指导评价 of the unit (0–100,
 * optional; the quarterly monitoring's `guidance` indicator). Checked by the same rule the repository uses
 * (shared/rules/committee/supervisionVisits.ts), messages on the fields.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { EnrolledUnit, SupervisionVisit } from '../../../shared/model/committee';
import { SUPERVISION_VISIT_KIND_LABELS, SUPERVISION_VISIT_KINDS, type SupervisionVisitKind } from '../../../shared/model/vocabulary';
import { FOLLOW_UP_MAX_LENGTH, GUIDANCE_SCORE_MAX, parseFindings, visitInputProblems, VISITORS_MAX_LENGTH } from '../../../shared/rules/committee/supervisionVisits';
import { createSupervisionVisit, updateSupervisionVisit, type SupervisionVisitInput } from '../../db/supervisionRepository';
import { fromIso, toIso } from '../common/dates';
import { matchesName, nameKey } from '../common/nameSearch';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  unitId?: string;
  kind?: SupervisionVisitKind;
  date?: Dayjs | null;
  visitors?: string;
  findings?: string;
  followUps?: string[];
  guidanceScore?: number | null;
}

const FIELDS = ['unitId', 'kind', 'date', 'visitors', 'findings', 'followUps', 'guidanceScore'] as const;

export interface VisitDrawerState {
  /** null: a new visit */
  readonly editing: SupervisionVisit | null;
  /** The unit to start a new visit with (the page's unit filter). */
  readonly unitId?: string | null;
}

export function SupervisionVisitDrawer({ state, units, onClose }: { state: VisitDrawerState | null; units: readonly EnrolledUnit[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  const editing = state?.editing ?? null;
  const choices = useMemo(() => units.filter((u) => u.status !== 'revoked' || u.unitId === editing?.unitId), [units, editing]);
  const keys = useMemo(() => new Map(choices.map((u) => [u.unitId, nameKey(u.name)] as const)), [choices]);
  const today = todayIso();

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (state.editing) {
      const { findings, followUps } = parseFindings(state.editing.findings);
      form.setFieldsValue({
        unitId: state.editing.unitId,
        kind: state.editing.kind,
        date: fromIso(state.editing.date),
        visitors: state.editing.visitors,
        findings,
        followUps: followUps.length > 0 ? [...followUps] : [''],
        guidanceScore: state.editing.guidanceScore ?? null,
      });
    } else {
      form.setFieldsValue({ unitId: state.unitId ?? undefined, kind: 'survey', date: fromIso(todayIso()), visitors: '', findings: '', followUps: [''], guidanceScore: null });
    }
  }, [state, form]);

  async function submit(v: Values) {
    const input: SupervisionVisitInput = {
      unitId: v.unitId ?? '',
      kind: v.kind ?? 'survey',
      date: toIso(v.date) ?? '',
      visitors: v.visitors ?? '',
      findings: v.findings ?? '',
      followUps: (v.followUps ?? []).map((f) => (f ?? '').trim()).filter((f) => f !== ''),
      guidanceScore: v.guidanceScore ?? null,
    };
    const problems = visitInputProblems({ ...input, unitId: v.unitId, kind: v.kind }, todayIso());
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
      form.scrollToField(problems[0]!.field);
      return;
    }
    setSaving(true);
    const unitName = units.find((u) => u.unitId === input.unitId)?.name ?? '';
    const saved = await run((ctx) => (editing ? updateSupervisionVisit(ctx, editing.id, input) : createSupervisionVisit(ctx, input)), {
      success: editing ? '已保存督导检查记录' : `已登记对${unitName}的${SUPERVISION_VISIT_KIND_LABELS[input.kind]}`,
      form,
      fields: FIELDS,
    });
    setSaving(false);
    if (saved) onClose();
  }

  const title = editing ? '修改督导检查' : '登记督导检查';
  return (
    <Drawer
      title={title}
      open={state !== null}
      onClose={onClose}
      size={600}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)} aria-label="督导检查信息">
        <Form.Item
          name="unitId"
          label="被督导单位"
          rules={[{ required: true, message: '请选择被督导的单位' }]}
          extra={editing ? '已登记的督导检查不能改到另一个单位；登记错了单位的，请删除后重新登记。' : undefined}
        >
          <Select
            showSearch
            autoFocus={!editing}
            disabled={editing !== null}
            placeholder="输入单位名称或拼音首字母"
            options={choices.map((u) => ({ value: u.unitId, label: u.name }))}
            filterOption={(input, option) => {
              const key = option ? keys.get(option.value) : undefined;
              return key !== undefined && matchesName(key, input);
            }}
            notFoundContent="没有匹配的纳管单位"
          />
        </Form.Item>
        <Form.Item name="kind" label="督导方式" rules={[{ required: true, message: '请选择督导方式（调研、座谈、抽查或下沉指导）' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={SUPERVISION_VISIT_KINDS.map((k) => ({ value: k, label: SUPERVISION_VISIT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label="督导日期"
          rules={[
            { required: true, message: '请选择督导日期' },
            {
              validator: (_, d: Dayjs | null) => {
                const iso = toIso(d);
                return iso && iso > today ? Promise.reject(new Error('督导日期不能晚于今天，请登记已经开展的督导')) : Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker placeholder="选择日期" disabledDate={(d) => (toIso(d) ?? '') > today} />
        </Form.Item>
        <Form.Item name="visitors" label="联系组成员" rules={[{ required: true, whitespace: true, message: '请填写参加督导的联系组成员' }]}>
          <Input maxLength={VISITORS_MAX_LENGTH} placeholder="如：张伟、李娜" />
        </Form.Item>
        <Form.Item name="findings" label="发现问题" extra="督导中看到的情况和问题；未发现问题的，写明“未发现明显问题”。">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} placeholder="如：第一党支部2026年“三会一课”记录不全，主题党日活动未留存照片" />
        </Form.Item>
        <Form.List name="followUps">
          {(items, { add, remove }, { errors }) => (
            <Form.Item
              label="整改要求"
              extra={
                <Typography.Text type="secondary">
                  每条一句话，不超过 {FOLLOW_UP_MAX_LENGTH} 个字。保存后，每条都可“下发单位整改”（单位据此建立整改事项），或作为亮红黄牌的依据。
                </Typography.Text>
              }
            >
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item, i) => (
                  <Space key={item.key} align="start" style={{ width: '100%' }}>
                    <Typography.Text type="secondary" style={{ display: 'inline-block', width: 24, lineHeight: '32px' }}>
                      {i + 1}.
                    </Typography.Text>
                    <Form.Item name={item.name} noStyle>
                      <Input aria-label={`整改要求第${i + 1}条`} maxLength={FOLLOW_UP_MAX_LENGTH} style={{ width: 440 }} placeholder="如：补齐第一党支部2026年会议记录" />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={`删除整改要求第${i + 1}条`} onClick={() => remove(item.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  添加一条整改要求
                </Button>
                <Form.ErrorList errors={errors} />
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="guidanceScore"
          label="日常指导评价（分）"
          extra={`联系组对该单位日常党建工作的评价，0–${GUIDANCE_SCORE_MAX} 分的整数，可不填。规则版本计入“日常指导评价”的，该单位本季度各次督导所评分数的平均分即为该项得分；本次不评价的请留空。`}
          rules={[
            {
              validator: (_, g: number | null | undefined) =>
                g === null || g === undefined || (Number.isInteger(g) && g >= 0 && g <= GUIDANCE_SCORE_MAX)
                  ? Promise.resolve()
                  : Promise.reject(new Error(`日常指导评价应为 0 至 ${GUIDANCE_SCORE_MAX} 之间的整数分，请核对；本次未评价的请留空`)),
            },
          ]}
        >
          <InputNumber aria-label="日常指导评价" style={{ width: 160 }} placeholder="如：85（可不填）" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
