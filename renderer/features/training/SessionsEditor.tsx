/**
 * 课次 of a class in its form: turned on with 分次登记考勤, proposed from the dates and hours
 * (sessionPlan.ts), then edited row by row — day, part of the day (时段), hours. The planned hours
 * follow the sum (the parent form keeps them in step).
 */
import { AutoComplete, Button, Checkbox, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { MAX_TRAINING_HOURS, MAX_TRAINING_SESSIONS } from '../../../shared/model/training';
import { fromIso, toIso } from '../common/dates';
import { nextSessionId, proposeSessions } from './sessionPlan';

/** A session row as the form holds it. */
export interface SessionRow {
  id: string;
  date: Dayjs | null;
  label?: string;
  hours: number | null;
}

const PARTS_OF_DAY = ['上午', '下午', '全天', '晚上'].map((value) => ({ value }));

/** Sum of the rows' hours, rounded to 1/100. */
export function rowsHours(rows: readonly SessionRow[] | undefined): number {
  return Math.round((rows ?? []).reduce((a, r) => a + (r?.hours ?? 0), 0) * 100) / 100;
}

export function SessionsEditor({
  form,
  usedIds,
  wasSplit,
  enrolled,
  onNeedDates,
}: {
  form: FormInstance;
  /** Ids the class had when the form opened (never reused for a new row). */
  usedIds: readonly string[];
  /** The class kept attendance per session when the form opened. */
  wasSplit: boolean;
  /** How many members are enrolled (for the warning when sessions are dropped). */
  enrolled: number;
  onNeedDates: () => void;
}) {
  const split = Form.useWatch<boolean | undefined>('split', form);
  const start = Form.useWatch<Dayjs | undefined>('startDate', form);
  const end = Form.useWatch<Dayjs | undefined>('endDate', form);

  function turn(on: boolean) {
    if (!on) {
      form.setFieldsValue({ split: false, sessions: [] });
      return;
    }
    const s = form.getFieldValue('startDate') as Dayjs | undefined;
    const e = form.getFieldValue('endDate') as Dayjs | undefined;
    if (!s || !e) {
      onNeedDates();
      return;
    }
    const hours = (form.getFieldValue('hours') as number | undefined) ?? 8;
    const rows: SessionRow[] = proposeSessions(toIso(s)!, toIso(e)!, hours).map((x) => ({ id: x.id, date: fromIso(x.date), label: x.label, hours: x.hours }));
    form.setFieldsValue({ split: true, sessions: rows, hours: rowsHours(rows) });
  }

  const outside = (d: Dayjs) => (start ? d.isBefore(start, 'day') : false) || (end ? d.isAfter(end, 'day') : false);

  return (
    <>
      <Form.Item name="split" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox onChange={(e) => turn(e.target.checked)}>分次登记考勤（按天或半天签到，每次课分别记出勤）</Checkbox>
      </Form.Item>
      {!split && wasSplit && enrolled > 0 && (
        <Typography.Paragraph type="warning" data-testid="sessions-dropped-warning">
          取消分次后，{enrolled} 人的按次出勤将只保留参训学时总数，不再记录参加了哪几次课（修改留有操作日志）。
        </Typography.Paragraph>
      )}
      {split && (
        <Form.List
          name="sessions"
          rules={[
            {
              validator: async (_, rows: SessionRow[] | undefined) => {
                if (!rows || rows.length < 2) throw new Error('分次登记考勤至少需要两次课；只有一次课时请取消分次');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="sessions-editor" role="group" aria-label="课次">
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" size={8} style={{ display: 'flex' }}>
                  <Typography.Text style={{ width: 56, display: 'inline-block' }}>第{index + 1}次</Typography.Text>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 8 }}>
                    <DatePicker aria-label={`第${index + 1}次课日期`} disabledDate={outside} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} style={{ marginBottom: 8 }}>
                    <AutoComplete aria-label={`第${index + 1}次课时段`} options={PARTS_OF_DAY} placeholder="时段（选填）" maxLength={20} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'hours']} rules={[{ required: true, message: '请填写学时' }]} style={{ marginBottom: 8 }}>
                    <InputNumber aria-label={`第${index + 1}次课学时`} min={0} max={MAX_TRAINING_HOURS} step={0.5} precision={1} addonAfter="学时" style={{ width: 130 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)} aria-label={`删除第${index + 1}次课`}>
                    删除
                  </Button>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                onClick={() => {
                  const rows = (form.getFieldValue('sessions') as SessionRow[] | undefined) ?? [];
                  const last = rows[rows.length - 1];
                  add({ id: nextSessionId([...usedIds, ...rows.map((r) => r?.id)]), date: last?.date ?? start ?? null, label: '', hours: last?.hours ?? 4 } satisfies SessionRow);
                }}
                disabled={fields.length >= MAX_TRAINING_SESSIONS}
                style={{ marginBottom: 16 }}
              >
                添加一次课
              </Button>
            </div>
          )}
        </Form.List>
      )}
    </>
  );
}
