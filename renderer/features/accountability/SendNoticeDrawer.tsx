/**
 * 发通知: title, body, dates and the units it goes to — chosen one by one (by name or pinyin
 * initials), all active units at once, or (opened from the unit register) the units its filter
 * shows, said above the list. One confirmation names how many units get it.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Popconfirm, Select, Space } from 'antd';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { sendNotice } from '../../db/accountabilityRepository';
import { fromIso, toIso } from '../common/dates';
import { matchesName, nameKey } from '../common/nameSearch';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';
import type { NoticeRecipients } from './noticeRecipients';

interface FormValues {
  unitIds: string[];
  title: string;
  body?: string;
  issuedOn: ReturnType<typeof fromIso>;
  dueOn: ReturnType<typeof fromIso>;
}

const FIELDS = ['unitIds', 'title', 'body', 'issuedOn', 'dueOn'] as const;

export function SendNoticeDrawer({
  open,
  units,
  onClose,
  preset = null,
}: {
  open: boolean;
  units: readonly EnrolledUnit[];
  onClose: () => void;
  /** Recipients chosen beforehand (the unit register's filter). */
  preset?: NoticeRecipients | null;
}) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  const activeUnits = useMemo(() => units.filter((u) => u.status === 'active'), [units]);
  const nameKeys = useMemo(() => new Map(activeUnits.map((u) => [u.unitId, nameKey(u.name)] as const)), [activeUnits]);
  const chosen = Form.useWatch('unitIds', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ unitIds: preset?.unitIds ?? [], title: '', body: '', issuedOn: fromIso(todayIso()), dueOn: null });
  }, [open, form, preset]);

  async function submit() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const sent = await run(
      (ctx) =>
        sendNotice(ctx, {
          unitIds: values.unitIds,
          title: values.title,
          body: values.body ?? '',
          issuedOn: toIso(values.issuedOn) ?? todayIso(),
          dueOn: toIso(values.dueOn),
        }),
      { success: `通知已发给 ${values.unitIds.length} 个单位，将随各单位的下一个回执送达`, form, fields: FIELDS },
    );
    setSaving(false);
    if (sent) onClose();
  }

  return (
    <Drawer
      title="发通知"
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Popconfirm
            title={`确认向 ${chosen.length} 个单位发出此通知？`}
            description="发出后不能撤回。"
            okText="确认发出"
            cancelText="再想想"
            disabled={chosen.length === 0}
            onConfirm={() => void submit()}
          >
            <Button type="primary" loading={saving} onClick={() => (chosen.length === 0 ? void form.validateFields() : undefined)}>
              发出
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {activeUnits.length === 0 ? (
        <Alert type="info" showIcon title="还没有已启用的纳管单位" description="单位的第一个同步包导入并确认后，才能向其发通知。" />
      ) : (
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item label="接收单位" required>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {preset && <Alert type="info" showIcon title={preset.note} data-testid="notice-preset" />}
              <Space>
                <Button size="small" onClick={() => form.setFieldValue('unitIds', activeUnits.map((u) => u.unitId))}>
                  全部纳管单位（{activeUnits.length}）
                </Button>
                <Button size="small" onClick={() => form.setFieldValue('unitIds', [])}>
                  清空
                </Button>
              </Space>
              <Form.Item name="unitIds" noStyle rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个接收单位' }]}>
                <Select
                  mode="multiple"
                  aria-label="接收单位"
                  placeholder="输入单位名称或拼音首字母"
                  maxTagCount="responsive"
                  options={activeUnits.map((u) => ({ value: u.unitId, label: u.name }))}
                  filterOption={(input, option) => {
                    const key = option ? nameKeys.get(option.value) : undefined;
                    return key !== undefined && matchesName(key, input);
                  }}
                />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="title" label="通知标题" rules={[{ required: true, whitespace: true, message: '请填写通知标题' }]}>
            <Input maxLength={200} placeholder="如：关于报送2026年度抓基层党建工作述职材料的通知" />
          </Form.Item>
          <Form.Item name="body" label="通知正文">
            <Input.TextArea autoSize={{ minRows: 6 }} maxLength={5000} showCount />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="issuedOn" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="dueOn" label="办理期限">
              <DatePicker placeholder="不设期限" />
            </Form.Item>
          </Space>
        </Form>
      )}
    </Drawer>
  );
}
