/**
 * 报名参训: by organisation ("all members of …", with or without its sub-organisations), all
 * members of the unit, or members picked from the roster. Everyone starts as 参训 with the planned
 * hours; absences are marked afterwards. Members already enrolled are skipped and said so.
 */
import { useEffect, useMemo } from 'react';
import { App, Checkbox, Form, Modal, Radio, Select, TreeSelect, Typography } from 'antd';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import type { Enrolment, TrainingClass } from '../../../shared/model/training';
import { isActiveMemberOn, onRosterOn, organisationOn } from '../../../shared/rules/members/membership';
import { compareNames } from '../../../shared/rules/naturalOrder';
import { enrolMembers, enrolOrganisation, membersToEnrol } from '../../db/trainingRepository';
import { useWriteAction } from '../common/useWriteAction';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { hoursLabel } from './vocabulary';

type How = 'organisation' | 'all' | 'pick';

interface Values {
  how: How;
  organisationId?: string;
  includeSubtree: boolean;
  memberIds?: string[];
}

export function EnrolModal({
  trainingClass,
  open,
  organisations,
  members,
  enrolments,
  onClose,
}: {
  trainingClass: TrainingClass;
  open: boolean;
  organisations: readonly Organisation[];
  members: readonly Member[];
  /** This class's enrolments. */
  enrolments: readonly Enrolment[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const { message } = App.useApp();
  const how = Form.useWatch('how', form);
  const organisationId = Form.useWatch('organisationId', form);
  const includeSubtree = Form.useWatch('includeSubtree', form);
  const picked = Form.useWatch('memberIds', form);
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);
  const enrolled = useMemo(() => new Set(enrolments.map((e) => e.memberId)), [enrolments]);
  const orgName = useMemo(() => new Map(organisations.map((o) => [o.id, o.name] as const)), [organisations]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ how: 'organisation', includeSubtree: true });
  }, [open, form]);

  /** Who can be picked: on the unit's roster during the class. */
  const candidates = useMemo(
    () =>
      members
        .filter((m) => onRosterOn(m, trainingClass.startDate) || onRosterOn(m, trainingClass.endDate))
        .sort((a, b) => compareNames(a.name, b.name))
        .map((m) => {
          const org = orgName.get(organisationOn(m, trainingClass.startDate) ?? m.organisationId) ?? '';
          return {
            value: m.id,
            label: `${m.name}${org ? `（${org}）` : ''}${enrolled.has(m.id) ? ' — 已报名' : isActiveMemberOn(m, trainingClass.startDate) ? '' : ' — 非在职'}`,
            disabled: enrolled.has(m.id),
          };
        }),
    [members, trainingClass, orgName, enrolled],
  );

  const chosen = useMemo(() => {
    if (how === 'pick') return picked ?? [];
    if (how === 'all') return members.filter((m) => isActiveMemberOn(m, trainingClass.startDate)).map((m) => m.id);
    if (!organisationId) return [];
    return membersToEnrol(trainingClass, organisationId, organisations, members, includeSubtree ?? true).map((m) => m.id);
  }, [how, picked, organisationId, includeSubtree, members, organisations, trainingClass]);
  const fresh = chosen.filter((id) => !enrolled.has(id)).length;

  async function submit(v: Values) {
    const summary = await run((ctx) =>
      v.how === 'organisation' ? enrolOrganisation(ctx, trainingClass.id, v.organisationId!, { includeSubtree: v.includeSubtree }) : enrolMembers(ctx, trainingClass.id, v.how === 'all' ? chosen : (v.memberIds ?? [])),
    );
    if (!summary) return;
    const skipped = summary.alreadyEnrolled.length;
    void message.success(`已报名 ${summary.added.length} 人${skipped > 0 ? `，${skipped} 人此前已报名，未重复登记` : ''}`);
    onClose();
  }

  return (
    <Modal
      open={open}
      title={`报名参训：${trainingClass.title}`}
      okText={fresh > 0 ? `报名（${fresh} 人）` : '报名'}
      okButtonProps={{ disabled: fresh === 0 }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary">
        报名后均先登记为“参训”，学时按计划 {hoursLabel(trainingClass.hours)} 学时；缺训、部分参训的，再在名单中逐人修改。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="报名方式">
        <Form.Item name="how" label="报名方式">
          <Radio.Group
            options={[
              { value: 'organisation', label: '按党组织' },
              { value: 'all', label: '全体在职党员' },
              { value: 'pick', label: '逐个选择党员' },
            ]}
          />
        </Form.Item>
        {how === 'organisation' && (
          <>
            <Form.Item name="organisationId" label="党组织" rules={[{ required: true, message: '请选择党组织' }]}>
              <TreeSelect treeData={treeData as never} treeDefaultExpandAll placeholder="选择党组织" showSearch treeNodeFilterProp="title" />
            </Form.Item>
            <Form.Item name="includeSubtree" valuePropName="checked">
              <Checkbox>含下级党组织的党员</Checkbox>
            </Form.Item>
          </>
        )}
        {how === 'pick' && (
          <Form.Item name="memberIds" label="党员" rules={[{ required: true, message: '请选择党员' }]} extra="可输入姓名查找，可多选。">
            <Select mode="multiple" showSearch optionFilterProp="label" options={candidates} placeholder="输入姓名查找" maxTagCount="responsive" />
          </Form.Item>
        )}
        <Typography.Text data-testid="enrol-preview">
          {chosen.length === 0
            ? how === 'organisation'
              ? '请选择党组织。'
              : how === 'pick'
                ? '请选择党员。'
                : '本单位在培训开始日没有在职党员。'
            : `将报名 ${fresh} 人${chosen.length > fresh ? `，另有 ${chosen.length - fresh} 人已报名，将跳过` : ''}。`}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
