/**
 * The enrolled members of one class, in sign-in-sheet order, with their attendance editable in
 * place: 参训情况 (参训 / 缺训 with its reason / 补训), hours attended, the make-up link either way.
 * A class kept per session (课次) shows a column per session with a tick for each member; their
 * hours are the sum of the sessions ticked.
 */
import { useRef, useState } from 'react';
import { App, Button, Checkbox, Empty, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useScopedNavigate } from '../common/unitScope';
import { MAX_TRAINING_HOURS, missedSomething, sessionLabel, type Enrolment, type TrainingClass, type TrainingSession } from '../../../shared/model/training';
import { ENROLMENT_STATUSES, ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from '../../../shared/model/vocabulary';
import { removeEnrolment, updateEnrolment } from '../../db/trainingRepository';
import { useWriteAction } from '../common/useWriteAction';
import { classDates } from './classFacts';
import { hoursLabel } from './vocabulary';

export interface EnrolmentRow {
  seq: number;
  enrolment: Enrolment;
  name: string;
  organisation: string;
  /** The member's unit, on the 工委's side (every unit's enrolments are there). */
  unit?: string;
  /** For an absence or a partial attendance here: the enrolment elsewhere that makes it up. */
  madeUpBy: Enrolment | null;
}

export interface EnrolmentActions {
  absence(row: EnrolmentRow): void;
  /** Record the make-up of what this row missed here (缺训 or sessions missed). */
  makeUpOfMiss(row: EnrolmentRow): void;
  /** This row's attendance here is the make-up of an earlier miss (参训情况 → 补训). */
  markAsMakeUp(row: EnrolmentRow): void;
}

/** One tick: the member attended this session. Unticking the last session is refused with a message (缺训 needs a reason). */
function SessionCell({ row, session, position, disabled }: { row: EnrolmentRow; session: TrainingSession; position: number; disabled: boolean }) {
  const run = useWriteAction();
  const e = row.enrolment;
  // shown at once; put back if the write is refused (a saved write remounts the cell: its key has the rev)
  const [checked, setChecked] = useState(e.attendedSessionIds?.includes(session.id) ?? false);
  const [saving, setSaving] = useState(false);
  async function toggle(on: boolean) {
    const current = e.attendedSessionIds ?? [];
    const next = on ? [...current, session.id] : current.filter((x) => x !== session.id);
    setChecked(on);
    setSaving(true);
    const saved = await run((ctx) => updateEnrolment(ctx, e.id, { attendedSessionIds: next }));
    setSaving(false);
    if (saved === null) setChecked(!on);
  }
  return (
    <Checkbox
      checked={checked}
      disabled={disabled || saving}
      onChange={(ev) => void toggle(ev.target.checked)}
      aria-label={`${row.name}${sessionLabel(session, position)}出勤`}
    />
  );
}

/** The hours of a member in a class kept per session: computed, with the sessions missed. */
function SessionHours({ row, cls }: { row: EnrolmentRow; cls: TrainingClass }) {
  const e = row.enrolment;
  const attended = new Set(e.attendedSessionIds ?? []);
  const missed = e.status === 'absent' ? [] : cls.sessions.map((x, i) => ({ x, i })).filter(({ x }) => !attended.has(x.id));
  return (
    <Space size={4} wrap data-testid={`hours-${row.name}`}>
      <span>{hoursLabel(e.attendedHours)}</span>
      {missed.length > 0 && (
        <Tooltip title={`未参加：${missed.map(({ x, i }) => sessionLabel(x, i)).join('、')}`}>
          <Tag color="warning">缺 {missed.length} 次</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function HoursCell({ row, cls, disabled }: { row: EnrolmentRow; cls: TrainingClass; disabled: boolean }) {
  const run = useWriteAction();
  const e = row.enrolment;
  const [value, setValue] = useState<number | null>(e.attendedHours);
  const [error, setError] = useState(false);
  const saving = useRef(false);
  /** The value last refused: Enter and then leaving the box should not say so twice. */
  const refused = useRef<number | null>(null);
  async function commit() {
    if (saving.current) return;
    if (value === null) {
      setValue(e.attendedHours);
      setError(false);
      return;
    }
    if (value === e.attendedHours) return setError(false);
    if (value === refused.current) return;
    saving.current = true;
    const saved = await run((ctx) => updateEnrolment(ctx, e.id, { attendedHours: value }));
    saving.current = false;
    refused.current = saved === null ? value : null;
    setError(saved === null); // the typed value stays in the box to be corrected
  }
  const partial = value !== null && cls.hours > 0 && value < cls.hours && e.status !== 'absent';
  return (
    <Tooltip title={partial ? `部分参训：计划 ${hoursLabel(cls.hours)} 学时` : undefined}>
      <InputNumber
        size="small"
        min={0}
        max={MAX_TRAINING_HOURS}
        step={0.5}
        precision={1}
        value={value}
        onChange={(v) => setValue(v)}
        onBlur={() => void commit()}
        onPressEnter={() => void commit()}
        disabled={disabled}
        status={error ? 'error' : partial ? 'warning' : undefined}
        style={{ width: 80 }}
        aria-label={`${row.name}的参训学时`}
      />
    </Tooltip>
  );
}

export function EnrolmentTable({
  cls,
  rows,
  classes,
  editable,
  actions,
}: {
  cls: TrainingClass;
  rows: readonly EnrolmentRow[];
  classes: ReadonlyMap<string, TrainingClass>;
  /** False in the committee's workspace: enrolments are the units'. */
  editable: boolean;
  actions: EnrolmentActions;
}) {
  const run = useWriteAction();
  const { modal } = App.useApp();
  const navigate = useScopedNavigate();
  const classLink = (c: TrainingClass | undefined) =>
    c ? (
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => void navigate(`/training/classes/${c.id}`)}>
        《{c.title}》{classDates(c)}
      </Button>
    ) : (
      '（已删除的培训班）'
    );

  function changeStatus(row: EnrolmentRow, status: EnrolmentStatus) {
    const e = row.enrolment;
    if (status === e.status) return;
    if (status === 'absent') return actions.absence(row);
    if (status === 'madeUp') return actions.markAsMakeUp(row);
    const attend = () =>
      run((ctx) => updateEnrolment(ctx, e.id, { status: 'attended', attendedHours: e.status === 'absent' ? cls.hours : e.attendedHours }), { success: `${row.name}：已改为参训` });
    if (e.status === 'madeUp' && e.makeUpOfClassId !== null) {
      modal.confirm({
        title: `把${row.name}改为参训？`,
        content: `这条记录目前是《${classes.get(e.makeUpOfClassId)?.title ?? '已删除的培训班'}》的补训。改为参训后，学时计入本班，那次缺训将重新显示为“未补训”。`,
        okText: '改为参训',
        cancelText: '取消',
        onOk: attend,
      });
      return;
    }
    void attend();
  }

  const sessionColumns: ColumnsType<EnrolmentRow> = cls.sessions.map((x, i) => {
    const [, m, d] = x.date.split('-').map(Number);
    return {
      title: (
        <Tooltip title={`${sessionLabel(x, i)}，${hoursLabel(x.hours)} 学时`}>
          <div style={{ lineHeight: 1.2, textAlign: 'center' }}>
            <div>第{i + 1}次</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {m}/{d}
              {x.label ? ` ${x.label}` : ''}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
      key: `session-${x.id}`,
      width: 72,
      align: 'center' as const,
      render: (_: unknown, r: EnrolmentRow) => (
        <SessionCell key={`${r.enrolment.rev}-${x.id}`} row={r} session={x} position={i} disabled={!editable || r.enrolment.status === 'absent'} />
      ),
    };
  });

  return (
    <Table<EnrolmentRow>
      rowKey={(r) => r.enrolment.id}
      scroll={cls.sessions.length > 4 ? { x: 'max-content' } : undefined}
      size="small"
      dataSource={rows as EnrolmentRow[]}
      pagination={rows.length > 50 ? { defaultPageSize: 50, showTotal: (t) => `共 ${t} 人` } : false}
      data-testid="enrolment-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={editable ? '还没有报名的党员。点击“报名参训”按党组织或逐个添加。' : '各单位的参训情况由单位登记。'} /> }}
      columns={[
        { title: '序号', dataIndex: 'seq', key: 'seq', width: 56, align: 'center' },
        ...(rows.some((r) => r.unit !== undefined) ? [{ title: '单位', dataIndex: 'unit', key: 'unit', width: 140, ellipsis: true }] : []),
        { title: '姓名', dataIndex: 'name', key: 'name', width: 96 },
        { title: '所在党组织', dataIndex: 'organisation', key: 'organisation', width: 170, ellipsis: true, render: (o: string) => o || '—' },
        {
          title: '参训情况',
          key: 'status',
          width: 110,
          render: (_, r) => (
            <Select<EnrolmentStatus>
              size="small"
              value={r.enrolment.status}
              onChange={(s) => changeStatus(r, s)}
              disabled={!editable}
              style={{ width: 90 }}
              aria-label={`${r.name}的参训情况`}
              data-status={r.enrolment.status}
              options={ENROLMENT_STATUSES.map((s) => ({ value: s, label: ENROLMENT_STATUS_LABELS[s] }))}
            />
          ),
        },
        ...sessionColumns,
        {
          title: '参训学时',
          key: 'hours',
          width: cls.sessions.length > 0 ? 120 : 100,
          render: (_, r) =>
            cls.sessions.length > 0 ? <SessionHours row={r} cls={cls} /> : <HoursCell key={r.enrolment.rev} row={r} cls={cls} disabled={!editable || r.enrolment.status === 'absent'} />,
        },
        {
          title: '缺训原因 / 补训',
          key: 'makeUp',
          render: (_, r) => {
            const e = r.enrolment;
            if (e.status === 'absent') {
              return (
                <Space size={4} wrap>
                  <span>{e.absenceReason}</span>
                  {editable && (
                    <Button type="link" size="small" onClick={() => actions.absence(r)} aria-label={`修改${r.name}的缺训原因`}>
                      改原因
                    </Button>
                  )}
                  {r.madeUpBy ? (
                    <>
                      <Tag color="success">已补训</Tag>
                      {classLink(classes.get(r.madeUpBy.classId))}
                    </>
                  ) : (
                    <>
                      <Tag color="warning">未补训</Tag>
                      {editable && (
                        <Button size="small" onClick={() => actions.makeUpOfMiss(r)} aria-label={`登记${r.name}的补训`}>
                          登记补训
                        </Button>
                      )}
                    </>
                  )}
                </Space>
              );
            }
            if (e.status === 'attended' && missedSomething(e, cls)) {
              return (
                <Space size={4} wrap>
                  {r.madeUpBy ? (
                    <>
                      <Tag color="success">缺课已补训</Tag>
                      {classLink(classes.get(r.madeUpBy.classId))}
                    </>
                  ) : (
                    <>
                      <Tag color="warning">缺课未补训</Tag>
                      {editable && (
                        <Button size="small" onClick={() => actions.makeUpOfMiss(r)} aria-label={`登记${r.name}的补训`}>
                          登记补训
                        </Button>
                      )}
                    </>
                  )}
                </Space>
              );
            }
            if (e.status === 'madeUp') {
              return e.makeUpOfClassId ? (
                <Space size={4} wrap>
                  <Typography.Text type="secondary">补</Typography.Text>
                  {classLink(classes.get(e.makeUpOfClassId))}
                </Space>
              ) : (
                <Typography.Text type="secondary">单独补训{e.absenceReason ? `（原缺训原因：${e.absenceReason}）` : ''}</Typography.Text>
              );
            }
            return null;
          },
        },
        ...(editable
          ? [
              {
                title: '操作',
                key: 'actions',
                width: 70,
                render: (_: unknown, r: EnrolmentRow) => (
                  <Popconfirm
                    title={`把${r.name}从本班名单中移除？`}
                    description="移除后其本班学时不再计入。"
                    okText="移除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => run((ctx) => removeEnrolment(ctx, r.enrolment.id), { success: `已移除${r.name}` })}
                  >
                    <Button type="link" size="small" danger aria-label={`移除${r.name}`}>
                      移除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
