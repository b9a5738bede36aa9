/**
 * 新增 / 编辑 a member. The ID number is checked as it is typed (GB 11643 checksum) and fills in
 * birth date and gender; every rule of the member schema is checked again on save, in Chinese.
 * What is typed is kept as a sealed draft (common/formDraft.ts) until it is saved: a reload, a crash
 * or a drawer closed by mistake does not lose it; the next time the same form opens it offers the
 * draft back (恢复草稿) or lets it go (丢弃).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { AutoComplete, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { birthDateFromIdNumber, genderFromIdNumber, idNumberProblem } from '../../../shared/model/idNumber';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { CADRE_KINDS, CADRE_KIND_LABELS, GENDERS, GENDER_LABELS, MEMBERSHIP_KINDS, MEMBERSHIP_KIND_LABELS, type CadreKind, type Gender, type MembershipKind, type MemberStatus } from '../../../shared/model/vocabulary';
import { createMember, updateMember } from '../../db/memberRepository';
import { fromIso, toIso } from '../common/dates';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { isRetireesOrganisationName } from '../../../shared/rules/organisations/retireesBranch';
import { useWriteAction } from '../common/useWriteAction';
import { DraftOffer } from '../common/DraftOffer';
import { clearFormDraft, loadFormDraft, saveFormDraft, type StoredDraft } from '../common/formDraft';

const ETHNICITIES = ['汉族', '回族', '满族', '蒙古族', '壮族', '藏族', '维吾尔族', '苗族', '彝族', '土家族', '布依族', '侗族', '瑶族', '朝鲜族', '白族', '哈尼族', '黎族', '哈萨克族', '傣族', '畲族'];

interface Values {
  name: string;
  idNumber: string;
  gender: Gender;
  ethnicity: string;
  birthDate: Dayjs;
  phone?: string;
  joinedOn: Dayjs;
  membership: MembershipKind;
  convertedOn?: Dayjs | null;
  organisationId: string;
  /** New members only: 在职 or 退休 (proposed 退休 in a 离退休干部党支部). */
  status?: MemberStatus;
  cadre?: CadreKind | null;
  excludedReason?: string;
  education?: string;
  note?: string;
}

/** The form's values as the draft keeps them: dates as ISO days. */
type DraftValues = Omit<Values, 'birthDate' | 'joinedOn' | 'convertedOn'> & { birthDate: string | null; joinedOn: string | null; convertedOn: string | null };

function toDraft(v: Partial<Values>): DraftValues {
  return { ...(v as Values), birthDate: toIso(v.birthDate ?? null), joinedOn: toIso(v.joinedOn ?? null), convertedOn: toIso(v.convertedOn ?? null) };
}

function fromDraft(d: DraftValues): Partial<Values> {
  const { birthDate, joinedOn, convertedOn, ...rest } = d;
  return { ...rest, ...(birthDate ? { birthDate: fromIso(birthDate)! } : {}), ...(joinedOn ? { joinedOn: fromIso(joinedOn)! } : {}), convertedOn: fromIso(convertedOn) };
}

const FIELDS = ['name', 'idNumber', 'gender', 'ethnicity', 'birthDate', 'phone', 'joinedOn', 'membership', 'convertedOn', 'organisationId', 'status', 'cadre', 'excludedReason', 'education', 'note'];

/** 学历 as rosters write it (free text allowed). */
const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'];

/**
 * An optional text field of the record (学历, 备注): written when it has a value, or when the record
 * already has the field (so it can be cleared); a record without it stays without it, so saving an
 * unchanged form makes no new revision.
 */
function optionalText<K extends 'education' | 'note'>(key: K, value: string | undefined, editing: Member | null): Partial<Record<K, string>> {
  const text = value?.trim() ?? '';
  return text !== '' || (editing !== null && editing[key] !== undefined) ? ({ [key]: text } as Partial<Record<K, string>>) : {};
}

export function MemberFormDrawer({
  open,
  editing,
  organisations,
  onClose,
}: {
  open: boolean;
  editing: Member | null;
  organisations: readonly Organisation[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const membership = Form.useWatch('membership', form);
  const organisationId = Form.useWatch('organisationId', form);
  const retireesBranch = useMemo(() => {
    const o = organisations.find((x) => x.id === organisationId);
    return o !== undefined && isRetireesOrganisationName(o.name) ? o.name : null;
  }, [organisations, organisationId]);
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);
  const draftKey = editing ? `edit:${editing.id}` : 'new';
  const [draft, setDraft] = useState<StoredDraft<DraftValues> | null>(null);
  // no draft is written while the form is being filled from the record (or from the draft)
  const filling = useRef(false);

  useEffect(() => {
    if (!open) return;
    filling.current = true;
    setDraft(loadFormDraft<DraftValues>('memberDraft', draftKey));
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        ...editing,
        birthDate: fromIso(editing.birthDate)!,
        joinedOn: fromIso(editing.joinedOn)!,
        convertedOn: fromIso(editing.convertedOn),
        excludedReason: editing.excludedReason ?? '',
        education: editing.education ?? '',
        note: editing.note ?? '',
      });
    } else {
      form.setFieldsValue({ membership: 'full', ethnicity: '汉族', cadre: null, status: 'active' });
    }
    filling.current = false;
  }, [open, editing, form, draftKey]);

  function rememberDraft() {
    if (filling.current) return;
    saveFormDraft<DraftValues>('memberDraft', draftKey, toDraft(form.getFieldsValue(true) as Partial<Values>));
  }

  function restoreDraft() {
    if (!draft) return;
    filling.current = true;
    form.setFieldsValue(fromDraft(draft.value));
    filling.current = false;
    setDraft(null);
  }

  function onIdNumberChange(value: string) {
    const id = value.trim().toUpperCase();
    if (id.length !== 18 || idNumberProblem(id)) return;
    const birth = birthDateFromIdNumber(id);
    const gender = genderFromIdNumber(id);
    if (birth && !form.getFieldValue('birthDate')) form.setFieldValue('birthDate', fromIso(birth));
    if (gender && !form.getFieldValue('gender')) form.setFieldValue('gender', gender);
  }

  async function submit(v: Values) {
    const common = {
      name: v.name,
      gender: v.gender,
      ethnicity: v.ethnicity,
      birthDate: toIso(v.birthDate)!,
      idNumber: v.idNumber,
      phone: v.phone ?? '',
      joinedOn: toIso(v.joinedOn)!,
      membership: v.membership,
      convertedOn: v.membership === 'probationary' ? null : toIso(v.convertedOn),
      cadre: v.cadre ?? null,
      excludedReason: v.excludedReason?.trim() ? v.excludedReason.trim() : null,
      ...optionalText('education', v.education, editing),
      ...optionalText('note', v.note, editing),
    };
    const saved = await run(
      (ctx) =>
        editing
          ? updateMember(ctx, editing.id, common)
          : createMember(ctx, {
              ...common,
              organisationId: v.organisationId,
              postings: [{ organisationId: v.organisationId, from: common.joinedOn, to: null }],
              status: v.status ?? 'active',
              statusChangedOn: null,
            }),
      { success: editing ? '已保存' : `已登记党员${v.name}`, form, fields: FIELDS },
    );
    if (saved) {
      clearFormDraft('memberDraft', draftKey);
      setDraft(null);
      onClose();
    }
  }

  return (
    <Drawer
      open={open}
      title={editing ? `编辑党员：${editing.name}` : '登记党员'}
      size={560}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {draft && (
        <DraftOffer
          savedAt={draft.savedAt}
          onRestore={restoreDraft}
          onDiscard={() => {
            clearFormDraft('memberDraft', draftKey);
            setDraft(null);
          }}
          testId="member-draft"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={rememberDraft} aria-label="党员信息">
        <Space size={16} align="start" wrap>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label="身份证号"
            validateFirst
            rules={[
              { required: true, message: '请填写身份证号' },
              { validator: async (_, value: string) => { const p = value ? idNumberProblem(value.trim().toUpperCase()) : null; if (p) throw new Error(p); } },
            ]}
          >
            <Input maxLength={18} style={{ width: 240, fontFamily: 'monospace' }} onChange={(e) => onIdNumberChange(e.target.value)} />
          </Form.Item>
        </Space>
        <Space size={16} align="start" wrap>
          <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
            <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name="ethnicity" label="民族" rules={[{ required: true, whitespace: true, message: '请填写民族' }]}>
            <AutoComplete style={{ width: 140 }} options={ETHNICITIES.map((e) => ({ value: e }))} filterOption />
          </Form.Item>
          <Form.Item name="birthDate" label="出生日期" rules={[{ required: true, message: '请选择出生日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={20} style={{ width: 240 }} placeholder="11位手机号或固定电话" />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item name="joinedOn" label="入党时间" rules={[{ required: true, message: '请选择入党时间' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="membership" label="党员类别" rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={MEMBERSHIP_KINDS.map((k) => ({ value: k, label: MEMBERSHIP_KIND_LABELS[k] }))} />
          </Form.Item>
          {membership === 'full' && (
            <Form.Item name="convertedOn" label="转正时间">
              <DatePicker />
            </Form.Item>
          )}
        </Space>
        {!editing && (
          <Form.Item name="organisationId" label="所在党组织" rules={[{ required: true, message: '请选择所在党组织' }]}>
            <TreeSelect
              treeData={treeData as never}
              treeDefaultExpandAll
              placeholder="选择党支部"
              // a member put in a 离退休干部党支部 is proposed as 退休, one put elsewhere as 在职
              onChange={(id: string) => {
                const o = organisations.find((x) => x.id === id);
                form.setFieldValue('status', o !== undefined && isRetireesOrganisationName(o.name) ? 'retired' : 'active');
              }}
            />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="status"
            label="党员状态"
            extra={retireesBranch ? `“${retireesBranch}”是离退休干部党支部，已按退休党员登记；如为在职党员请改选“在职”。` : undefined}
          >
            <Radio.Group optionType="button" options={[{ value: 'active', label: '在职' }, { value: 'retired', label: '退休' }]} />
          </Form.Item>
        )}
        <Form.Item name="cadre" label="党务干部">
          <Select allowClear placeholder="（不是党务干部）" style={{ width: 200 }} options={CADRE_KINDS.map((k) => ({ value: k, label: CADRE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="excludedReason" label="不计入应到人数的原因" extra="出国（境）半年以上、长期病休等经批准不计入会议应到人数的，填写原因和批准情况。">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="education" label="学历">
          <AutoComplete style={{ width: 200 }} maxLength={50} placeholder="如：大学本科" options={EDUCATION_LEVELS.map((e) => ({ value: e }))} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
