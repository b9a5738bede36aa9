/**
 * 补训, from either end:
 * - from an absence (缺训) in this class: made up in another class held on or after this one
 *   (a 补训 enrolment there, linked here), or on its own without another class (the absence itself
 *   becomes 补训);
 * - from an attendance in this class: it was the make-up of an earlier absence of the member.
 */
import { useEffect, useMemo } from 'react';
import { Alert, Form, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { MAX_TRAINING_HOURS, type Enrolment, type TrainingClass } from '../../../shared/model/training';
import { compareIsoDates } from '../../../shared/rules/dates';
import { recordMakeUp, updateEnrolment } from '../../db/trainingRepository';
import { chineseDay } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';
import { hoursLabel } from './vocabulary';

export interface MakeUpTarget {
  enrolment: Enrolment;
  name: string;
}

interface Values {
  kind: 'inClass' | 'self';
  classId?: string;
  missedClassId?: string;
  attendedHours: number;
}

export function MakeUpModal({
  target,
  trainingClass,
  classes,
  enrolments,
  onClose,
}: {
  target: MakeUpTarget | null;
  /** The class whose table the action started from. */
  trainingClass: TrainingClass;
  classes: readonly TrainingClass[];
  enrolments: readonly Enrolment[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const kind = Form.useWatch('kind', form);
  const fromAbsence = target?.enrolment.status === 'absent';
  const byId = useMemo(() => new Map(classes.map((c) => [c.id, c] as const)), [classes]);

  /** Classes an absence here can be made up in: held on or after this one. */
  const laterClasses = useMemo(
    () =>
      classes
        .filter((c) => c.id !== trainingClass.id && compareIsoDates(c.startDate, trainingClass.startDate) >= 0)
        .sort((a, b) => compareIsoDates(a.startDate, b.startDate) || a.title.localeCompare(b.title, 'zh-CN')),
    [classes, trainingClass],
  );

  /** Earlier absences of the member, not yet made up, that an attendance here can make up. */
  const missed = useMemo(() => {
    if (!target || fromAbsence) return [];
    const memberId = target.enrolment.memberId;
    const made = new Set(enrolments.filter((e) => e.memberId === memberId && e.makeUpOfClassId !== null && e.id !== target.enrolment.id).map((e) => e.makeUpOfClassId));
    return enrolments
      .filter((e) => e.memberId === memberId && e.status === 'absent' && e.classId !== trainingClass.id && !made.has(e.classId))
      .map((e) => byId.get(e.classId))
      .filter((c): c is TrainingClass => c !== undefined && compareIsoDates(c.startDate, trainingClass.startDate) <= 0);
  }, [target, fromAbsence, enrolments, byId, trainingClass]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({
      kind: laterClasses.length > 0 ? 'inClass' : 'self',
      attendedHours: fromAbsence ? trainingClass.hours : target.enrolment.attendedHours,
      missedClassId: missed.length === 1 ? missed[0]!.id : undefined,
    });
  }, [target]); // initialised once per opening: what the user then types stays

  async function submit(v: Values) {
    if (!target) return;
    const e = target.enrolment;
    const saved = await run(
      (ctx) =>
        fromAbsence
          ? recordMakeUp(ctx, e.id, v.kind === 'inClass' ? { kind: 'inClass', classId: v.classId!, attendedHours: v.attendedHours } : { kind: 'self', attendedHours: v.attendedHours })
          : updateEnrolment(ctx, e.id, { status: 'madeUp', makeUpOfClassId: v.missedClassId!, attendedHours: v.attendedHours }),
      { success: `已登记${target.name}补训`, form, fields: ['classId', 'missedClassId', 'attendedHours', 'makeUpOfClassId'] },
    );
    if (saved) onClose();
  }

  const classLabel = (c: TrainingClass) => `${c.title}（${chineseDay(c.startDate)}，${hoursLabel(c.hours)} 学时）`;
  const cannot = !fromAbsence && missed.length === 0;

  return (
    <Modal
      open={target !== null}
      title={`登记补训：${target?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: cannot }}
      destroyOnHidden
      width={600}
    >
      {fromAbsence ? (
        <Typography.Paragraph type="secondary">
          {target?.name}缺训《{trainingClass.title}》（原因：{target?.enrolment.absenceReason ?? '—'}）。补训学时计入本班所在年度，一次缺训只能补训一次。
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">
          将{target?.name}在《{trainingClass.title}》的参训登记为此前某次缺训的补训：学时计入所补的培训班，不再另计本班。
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="补训信息">
        {cannot && <Alert type="info" showIcon title={`${target?.name ?? ''}在本班之前没有尚未补训的缺训记录，无需登记补训。`} />}
        {!cannot && (
          <>
            {fromAbsence && (
              <Form.Item name="kind" label="补训方式">
                <Radio.Group
                  options={[
                    { value: 'inClass', label: '参加其他培训班补训' },
                    { value: 'self', label: '单独补训（不另设培训班）' },
                  ]}
                />
              </Form.Item>
            )}
            {fromAbsence && kind === 'inClass' && (
              <Form.Item
                name="classId"
                label="补训班"
                rules={[{ required: true, message: '请选择补训班' }]}
                extra={laterClasses.length === 0 ? '没有可选的培训班：请先在“培训班”中新增补训班（开始日期不早于本班），或选择“单独补训”。' : '开始日期不早于本班的培训班。'}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder="选择补训班"
                  options={laterClasses.map((c) => ({ value: c.id, label: classLabel(c) }))}
                  onChange={(id: string) => {
                    const c = byId.get(id);
                    if (c) form.setFieldValue('attendedHours', c.hours);
                  }}
                />
              </Form.Item>
            )}
            {!fromAbsence && (
              <Form.Item name="missedClassId" label="所补的培训班" rules={[{ required: true, message: '请选择所补的培训班' }]}>
                <Select placeholder="选择缺训的培训班" options={missed.map((c) => ({ value: c.id, label: classLabel(c) }))} />
              </Form.Item>
            )}
            <Form.Item name="attendedHours" label="补训学时" rules={[{ required: true, message: '请填写补训学时' }]}>
              <InputNumber min={0} max={MAX_TRAINING_HOURS} step={0.5} precision={1} style={{ width: 140 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
