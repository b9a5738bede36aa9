/** 登记两委委员: member, post, role, full-time or not, from which day. */
import { useEffect, useMemo } from 'react';
import { Checkbox, DatePicker, Form, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { COMMITTEE_POSTS, COMMITTEE_POST_LABELS, COMMITTEE_ROLES, COMMITTEE_ROLE_LABELS, type CommitteePost, type CommitteeRole } from '../../../shared/model/vocabulary';
import { addSeat } from '../../db/organisationRepository';
import { toIso } from '../common/dates';
import { matchesName, nameKey } from '../common/nameSearch';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  memberId: string;
  post: CommitteePost;
  role?: CommitteeRole | null;
  fullTime?: boolean;
  from: Dayjs;
}

export function SeatModal({
  organisation,
  candidates,
  onClose,
}: {
  organisation: Organisation | null;
  /** Members who may sit on this committee (those of the organisation and below). */
  candidates: readonly Member[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  useEffect(() => {
    if (organisation) {
      form.resetFields();
      form.setFieldsValue({ post: 'member', fullTime: false });
    }
  }, [organisation, form]);
  const options = useMemo(
    () => candidates.filter((m) => m.status === 'active').map((m) => ({ value: m.id, label: m.name })),
    [candidates],
  );
  // found by part of the name, pinyin initials or full pinyin, as in the roster's search
  const nameKeys = useMemo(() => new Map(options.map((o) => [o.value, nameKey(o.label)] as const)), [options]);

  async function submit(v: Values) {
    if (!organisation) return;
    const holder = candidates.find((m) => m.id === v.memberId);
    const marks = (v.fullTime ?? false) && holder?.cadre !== 'fullTime';
    const saved = await run(
      (ctx) =>
        addSeat(ctx, {
          organisationId: organisation.id,
          memberId: v.memberId,
          post: v.post,
          role: v.role ?? null,
          fullTime: v.fullTime ?? false,
          from: toIso(v.from)!,
          to: null,
        }),
      { success: marks ? `已登记；${holder?.name ?? ''}已在花名册中记为专职党务干部` : '已登记', form, fields: ['memberId', 'post', 'role', 'fullTime', 'from'] },
    );
    if (saved) onClose();
  }

  return (
    <Modal open={organisation !== null} title={`登记委员：${organisation?.name ?? ''}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]} extra={options.length === 0 ? '该党组织还没有在职党员，请先到“党员花名册”登记。' : undefined}>
          <Select
            showSearch
            filterOption={(input, option) => {
              const key = option ? nameKeys.get(option.value) : undefined;
              return key !== undefined && matchesName(key, input);
            }}
            options={options}
            placeholder="输入姓名或拼音首字母查找"
            // a member the roster already counts as 专职党务干部 is proposed as 专职 here too
            onChange={(id: string) => form.setFieldValue('fullTime', candidates.find((m) => m.id === id)?.cadre === 'fullTime')}
          />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item name="post" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
            <Select style={{ width: 140 }} options={COMMITTEE_POSTS.map((p) => ({ value: p, label: COMMITTEE_POST_LABELS[p] }))} />
          </Form.Item>
          <Form.Item name="role" label="分工">
            <Select allowClear style={{ width: 160 }} placeholder="（无）" options={COMMITTEE_ROLES.map((r) => ({ value: r, label: COMMITTEE_ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="from" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="fullTime" valuePropName="checked" extra="勾选后，该党员在党员花名册中同时记为专职党务干部，计入专职党务干部配备比例。">
          <Checkbox>专职</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
