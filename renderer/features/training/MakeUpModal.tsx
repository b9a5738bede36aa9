/**
 * 补训, from either end:
 * - from a miss in this class (缺训, or sessions/hours missed): made up in another class held on or
 *   after this one (a 补训 enrolment there, linked here — a new 补训班 can be created right here),
 *   or, for an absence, on its own without another class (the absence itself becomes 补训);
 * - from an attendance in this class: it was the make-up of an earlier miss of the member.
 * In a make-up class kept per session (课次), the sessions attended are ticked and the hours follow.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MAX_TRAINING_HOURS, missedSomething, sessionLabel, type Enrolment, type TrainingClass } from '../../../shared/model/training';
import { compareIsoDates } from '../../../shared/rules/dates';
import { chineseDate } from '../../../shared/rules/text';
import { recordMakeUp, updateEnrolment } from '../../db/trainingRepository';
import { useWriteAction } from '../common/useWriteAction';
import { ClassFormModal } from './ClassFormModal';
import { hoursLabel } from './vocabulary';
import { compareChinese } from '../../../shared/rules/collation';

export interface MakeUpTarget {
  enrolment: Enrolment;
  name: string;
  /** ofMiss: make up what this enrolment missed; asMakeUp: this attendance makes up an earlier miss. */
  mode: 'ofMiss' | 'asMakeUp';
}

interface Values {
  kind: 'inClass' | 'self';
  classId?: string;
  missedClassId?: string;
  attendedHours: number;
  /** In a make-up class with sessions. */
  sessionIds?: string[];
}

/** What the enrolment missed, in words: 缺训（原因：病假） or 缺第2次（3月11日），6 学时. */
function missText(e: Enrolment, cls: TrainingClass): string {
  if (e.status === 'absent') return `缺训《${cls.title}》（原因：${e.absenceReason ?? '—'}）`;
  const attended = new Set(e.attendedSessionIds ?? []);
  const missed = cls.sessions.map((x, i) => ({ x, i })).filter(({ x }) => !attended.has(x.id));
  const hours = hoursLabel(Math.round((cls.hours - e.attendedHours) * 100) / 100);
  return missed.length > 0
    ? `《${cls.title}》缺${missed.map(({ x, i }) => sessionLabel(x, i)).join('、')}，共 ${hours} 学时`
    : `《${cls.title}》只参加了 ${hoursLabel(e.attendedHours)} 学时，缺 ${hours} 学时`;
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
  const watchedKind = Form.useWatch('kind', form);
  const chosenId = Form.useWatch('classId', form);
  const [creating, setCreating] = useState(false);
  const fromAbsence = target?.mode === 'ofMiss';
  const absentHere = target?.enrolment.status === 'absent';
  // only an absence can be made up on its own; sessions or hours missed are made up in a class
  const kind = absentHere ? watchedKind : 'inClass';
  const byId = useMemo(() => new Map(classes.map((c) => [c.id, c] as const)), [classes]);
  const chosen = chosenId ? byId.get(chosenId) : undefined;
  const chosenSplit = fromAbsence && kind === 'inClass' && chosen !== undefined && chosen.sessions.length > 0;

  /** Classes an absence here can be made up in: held on or after this one. */
  const laterClasses = useMemo(
    () =>
      classes
        .filter((c) => c.id !== trainingClass.id && compareIsoDates(c.startDate, trainingClass.startDate) >= 0)
        .sort((a, b) => compareIsoDates(a.startDate, b.startDate) || compareChinese(a.title, b.title)),
    [classes, trainingClass],
  );

  /** Earlier absences of the member, not yet made up, that an attendance here can make up. */
  const missed = useMemo(() => {
    if (!target || fromAbsence) return [];
    const memberId = target.enrolment.memberId;
    const made = new Set(enrolments.filter((e) => e.memberId === memberId && e.makeUpOfClassId !== null && e.id !== target.enrolment.id).map((e) => e.makeUpOfClassId));
    return enrolments
      .filter((e) => e.memberId === memberId && e.classId !== trainingClass.id && !made.has(e.classId))
      .filter((e) => {
        const c = byId.get(e.classId);
        return c !== undefined && missedSomething(e, c);
      })
      .map((e) => byId.get(e.classId))
      .filter((c): c is TrainingClass => c !== undefined && compareIsoDates(c.startDate, trainingClass.startDate) <= 0);
  }, [target, fromAbsence, enrolments, byId, trainingClass]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({
      kind: laterClasses.length > 0 || !absentHere ? 'inClass' : 'self',
      attendedHours: fromAbsence ? Math.round((trainingClass.hours - target.enrolment.attendedHours) * 100) / 100 : target.enrolment.attendedHours,
      missedClassId: missed.length === 1 ? missed[0]!.id : undefined,
    });
  }, [target]); // initialised once per opening: what the user then types stays

  async function submit(v: Values) {
    if (!target) return;
    const e = target.enrolment;
    const saved = await run(
      (ctx) =>
        fromAbsence
          ? recordMakeUp(
              ctx,
              e.id,
              kind === 'inClass'
                ? { kind: 'inClass', classId: v.classId!, attendedHours: v.attendedHours ?? 0, attendedSessionIds: chosenSplit ? (v.sessionIds ?? []) : null }
                : { kind: 'self', attendedHours: v.attendedHours },
            )
          : updateEnrolment(ctx, e.id, { status: 'madeUp', makeUpOfClassId: v.missedClassId!, attendedHours: v.attendedHours }),
      { success: `已登记${target.name}补训`, form, fields: ['classId', 'missedClassId', 'attendedHours', 'makeUpOfClassId', 'sessionIds'] },
    );
    if (saved) onClose();
  }

  // whichever way the class was chosen (list, keyboard, the new-class button), its hours follow once
  // (a class just created arrives in the list a moment after it is chosen: wait for it)
  const chosenKnown = chosen !== undefined;
  useEffect(() => {
    if (chosenKnown) choose(chosen);
  }, [chosenId, chosenKnown]); // not on every render of the list: hours the user then types stay

  /** A make-up class chosen: its hours (no more than what was missed), or all its sessions ticked. */
  function choose(c: TrainingClass | undefined) {
    if (!c || !target) return;
    const missedHours = Math.round((trainingClass.hours - target.enrolment.attendedHours) * 100) / 100;
    form.setFieldValue('attendedHours', missedHours > 0 ? Math.min(c.hours, missedHours) : c.hours);
    form.setFieldValue('sessionIds', c.sessions.map((x) => x.id));
  }

  const classLabel = (c: TrainingClass) => `${c.title}（${chineseDate(c.startDate)}，${hoursLabel(c.hours)} 学时）`;
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
        <Typography.Paragraph type="secondary" data-testid="make-up-miss">
          {target?.name}
          {target ? missText(target.enrolment, trainingClass) : ''}。补训学时计入本班所在年度，连同本班已参加的学时最多计满本班计划学时；一次缺训只能补训一次。
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
            {fromAbsence && absentHere && (
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
              <Form.Item label="补训班" required extra={laterClasses.length === 0 ? '还没有开始日期不早于本班的培训班：请点“新建补训班”。' : '开始日期不早于本班的培训班；没有合适的可点“新建补训班”。'}>
                <Space.Compact block>
                  <Form.Item name="classId" noStyle rules={[{ required: true, message: '请选择补训班' }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder="选择补训班"
                      aria-label="补训班"
                      style={{ width: 'calc(100% - 128px)' }}
                      options={laterClasses.map((c) => ({ value: c.id, label: classLabel(c) }))}
                    />
                  </Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                    新建补训班
                  </Button>
                </Space.Compact>
              </Form.Item>
            )}
            {chosenSplit && chosen && (
              <Form.Item
                name="sessionIds"
                label="补训课次"
                rules={[{ required: true, type: 'array', min: 1, message: '请勾选参加的补训课次' }]}
                extra="勾选参加的课次，学时按各次课计算。"
              >
                <Checkbox.Group options={chosen.sessions.map((x, i) => ({ value: x.id, label: `${sessionLabel(x, i)} ${hoursLabel(x.hours)} 学时` }))} />
              </Form.Item>
            )}
            {!fromAbsence && (
              <Form.Item name="missedClassId" label="所补的培训班" rules={[{ required: true, message: '请选择所补的培训班' }]}>
                <Select placeholder="选择缺训的培训班" options={missed.map((c) => ({ value: c.id, label: classLabel(c) }))} />
              </Form.Item>
            )}
            {!chosenSplit && (
              <Form.Item name="attendedHours" label="补训学时" rules={[{ required: true, message: '请填写补训学时' }]}>
                <InputNumber min={0} max={MAX_TRAINING_HOURS} step={0.5} precision={1} style={{ width: 140 }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
      <ClassFormModal
        open={creating}
        editing={null}
        organiser="unit"
        classes={classes}
        initial={{ title: `${trainingClass.title}补训班`, category: trainingClass.category }}
        onClose={() => setCreating(false)}
        onSaved={(c) => form.setFieldValue('classId', c.id)}
      />
    </Modal>
  );
}
