/**
 * 新增 / 编辑 a training class: title, category, format, place, dates, planned hours, lecturer, and
 * optionally its sessions (课次, SessionsEditor) when attendance is kept per day or half day.
 * Category, format and place kind are editable lists: the national defaults and the unit's own
 * earlier entries are suggested, anything else may be typed. The organiser is this workspace
 * (a unit's own classes; the 工委's arrive in its bundles).
 */
import { useEffect, useMemo } from 'react';
import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { MAX_TRAINING_HOURS, type TrainingClass, type TrainingSession } from '../../../shared/model/training';
import { TRAINING_ORGANISER_LABELS, type TrainingOrganiser } from '../../../shared/model/vocabulary';
import { createTrainingClass, updateTrainingClass } from '../../db/trainingRepository';
import { fromIso, toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';
import { rowsHours, SessionsEditor, type SessionRow } from './SessionsEditor';
import { DEFAULT_CATEGORIES, DEFAULT_FORMATS, DEFAULT_PLACE_KINDS, suggestions } from './vocabulary';

interface Values {
  title: string;
  category: string;
  format?: string;
  placeKind?: string;
  place?: string;
  startDate: Dayjs;
  endDate: Dayjs;
  hours: number;
  lecturer?: string;
  /** 分次登记考勤 */
  split?: boolean;
  sessions?: SessionRow[];
}

const FIELDS = ['title', 'category', 'format', 'placeKind', 'place', 'startDate', 'endDate', 'hours', 'lecturer', 'organiser', 'sessions'];

/** The form's rows as the record's sessions, in date order (rows of one day keep their order). */
function sessionsOf(rows: readonly SessionRow[]): TrainingSession[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (toIso(a.r.date) ?? '').localeCompare(toIso(b.r.date) ?? '') || a.i - b.i)
    .map(({ r }) => ({ id: r.id, date: toIso(r.date)!, label: (r.label ?? '').trim(), hours: r.hours ?? 0 }));
}

export function ClassFormModal({
  open,
  editing,
  organiser,
  classes,
  enrolled = 0,
  initial,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: TrainingClass | null;
  /** Who organises a new class: this workspace. */
  organiser: TrainingOrganiser;
  /** Every class, for the suggestions. */
  classes: readonly TrainingClass[];
  /** Members enrolled in the class being edited. */
  enrolled?: number;
  /** Values to start a new class with (e.g. a make-up class: its title and category). */
  initial?: { title?: string; category?: string };
  onClose: () => void;
  onSaved?: (c: TrainingClass) => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        title: editing.title,
        category: editing.category,
        format: editing.format,
        placeKind: editing.placeKind,
        place: editing.place,
        startDate: fromIso(editing.startDate)!,
        endDate: fromIso(editing.endDate)!,
        hours: editing.hours,
        lecturer: editing.lecturer,
        split: editing.sessions.length > 0,
        sessions: editing.sessions.map((x) => ({ id: x.id, date: fromIso(x.date), label: x.label, hours: x.hours })),
      });
    } else {
      form.setFieldsValue({ category: initial?.category ?? '党员教育培训', placeKind: organiser === 'unit' ? '本单位' : undefined, title: initial?.title, split: false, sessions: [] });
    }
  }, [open, editing, initial, organiser, form]);

  const options = useMemo(
    () => ({
      category: suggestions(DEFAULT_CATEGORIES, classes.map((c) => c.category)),
      format: suggestions(DEFAULT_FORMATS, classes.map((c) => c.format)),
      placeKind: suggestions(DEFAULT_PLACE_KINDS, classes.map((c) => c.placeKind)),
    }),
    [classes],
  );

  async function submit(v: Values) {
    const fields = {
      title: v.title,
      category: v.category,
      format: v.format ?? '',
      placeKind: v.placeKind ?? '',
      place: v.place ?? '',
      startDate: toIso(v.startDate)!,
      endDate: toIso(v.endDate)!,
      hours: v.split ? rowsHours(v.sessions) : v.hours,
      lecturer: v.lecturer ?? '',
      sessions: v.split ? sessionsOf(v.sessions ?? []) : [],
    };
    const saved = await run((ctx) => (editing ? updateTrainingClass(ctx, editing.id, fields) : createTrainingClass(ctx, { ...fields, organiser })), {
      success: editing ? '已保存' : `已新增培训班“${v.title.trim()}”`,
      form,
      fields: FIELDS,
    });
    if (saved) {
      onClose();
      onSaved?.(saved);
    }
  }

  /** Narrow the list while typing; show it all when the field holds a value from the list. */
  const filterFor = (list: readonly { value: string }[]) => (input: string, option?: { value: string }) =>
    list.some((o) => o.value === input.trim()) || (option?.value ?? '').includes(input.trim());

  return (
    <Modal
      open={open}
      title={editing ? `编辑培训班：${editing.title}` : '新增培训班'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={680}
    >
      <Typography.Paragraph type="secondary">
        主办方：{TRAINING_ORGANISER_LABELS[editing?.organiser ?? organiser]}
        {organiser === 'unit' && '。工委举办的培训班会随工委的同步包到达，无需在此登记。'}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        aria-label="培训班信息"
        onValuesChange={(changed: Partial<Values>) => {
          // with sessions, the planned hours are their sum
          if (changed.sessions !== undefined && form.getFieldValue('split')) form.setFieldValue('hours', rowsHours(form.getFieldValue('sessions') as SessionRow[]));
        }}
      >
        <Form.Item name="title" label="培训班名称" rules={[{ required: true, whitespace: true, message: '请填写培训班名称' }]}>
          <Input maxLength={200} placeholder="例如：2026年党员集中轮训班" />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="category" label="培训类别" rules={[{ required: true, whitespace: true, message: '请选择或填写培训类别' }]} style={{ width: 240 }}>
            <AutoComplete options={options.category} filterOption={filterFor(options.category)} placeholder="选择或输入" maxLength={50} />
          </Form.Item>
          <Form.Item name="format" label="培训形式" style={{ width: 180 }}>
            <AutoComplete options={options.format} filterOption={filterFor(options.format)} placeholder="选择或输入" maxLength={50} allowClear />
          </Form.Item>
          <Form.Item noStyle dependencies={['split']}>
            {({ getFieldValue }) => (
              <Form.Item
                name="hours"
                label="计划学时"
                rules={[{ required: true, message: '请填写计划学时' }]}
                extra={getFieldValue('split') ? '分次登记时为各次课学时之和。' : '按天计一般每天 8 学时。'}
              >
                <InputNumber min={0} max={MAX_TRAINING_HOURS} step={0.5} precision={1} style={{ width: 120 }} disabled={Boolean(getFieldValue('split'))} />
              </Form.Item>
            )}
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker
              onChange={(d: Dayjs | null) => {
                const end = form.getFieldValue('endDate') as Dayjs | undefined;
                if (d && (!end || end.isBefore(d, 'day'))) form.setFieldValue('endDate', d);
              }}
            />
          </Form.Item>
          <Form.Item
            name="endDate"
            label="结束日期"
            dependencies={['startDate']}
            rules={[
              { required: true, message: '请选择结束日期' },
              ({ getFieldValue }) => ({
                validator: (_, end: Dayjs | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined;
                  return end && start && end.isBefore(start, 'day') ? Promise.reject(new Error('结束日期不能早于开始日期')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="lecturer" label="授课人">
            <Input maxLength={100} placeholder="例如：市委党校 陈教授" style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="placeKind" label="培训场所类型" style={{ width: 200 }}>
            <AutoComplete options={options.placeKind} filterOption={filterFor(options.placeKind)} placeholder="选择或输入" maxLength={50} allowClear />
          </Form.Item>
          <Form.Item name="place" label="培训地点" style={{ width: 396 }}>
            <Input maxLength={200} placeholder="例如：三楼会议室、古田会议纪念馆" />
          </Form.Item>
        </Space>
        <SessionsEditor
          form={form}
          usedIds={editing?.sessions.map((x) => x.id) ?? []}
          wasSplit={(editing?.sessions.length ?? 0) > 0}
          enrolled={enrolled}
          onNeedDates={() => {
            form.setFieldValue('split', false);
            void message.warning('请先选择开始日期和结束日期，再分次登记考勤');
          }}
        />
      </Form>
    </Modal>
  );
}
