/**
 * 参会人员: everyone listed from the roster on the meeting day; each present, absent with a reason,
 * or not counted (with the approved reason). Should-attend and voting are computed, never typed.
 * At a 民主评议党员 meeting (`grading`) each full member who is not excluded gets a grade (评议等次);
 * 预备党员 take part without one.
 */
import { Button, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Attendance } from '../../../shared/model/meeting';
import { ABSENCE_REASONS, ABSENCE_REASON_LABELS, APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, ATTENDANCE_STATUS_LABELS, type AppraisalGrade, type AttendanceStatus } from '../../../shared/model/vocabulary';
import { isGradable, withGrade } from '../../../shared/rules/meetings/organisationalLife';

export function AttendanceTable({
  attendance,
  names,
  onChange,
  grading = false,
}: {
  attendance: readonly Attendance[];
  names: ReadonlyMap<string, string>;
  onChange: (next: Attendance[]) => void;
  /** 民主评议党员: show the 评议等次 column. */
  grading?: boolean;
}) {
  const update = (memberId: string, patch: Partial<Attendance>) =>
    onChange(attendance.map((a) => (a.memberId === memberId ? normalise({ ...a, ...patch }) : a)));
  const setAll = (status: AttendanceStatus) => onChange(attendance.map((a) => (a.status === 'excluded' ? a : normalise({ ...a, status }))));

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setAll('present')}>
          全部出席
        </Button>
        <Typography.Text type="secondary">预备党员没有表决权；经批准不计入应到人数的，请选择“不计入应到”并写明原因。</Typography.Text>
      </Space>
      <Table<Attendance>
        size="small"
        rowKey="memberId"
        dataSource={[...attendance]}
        pagination={attendance.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="attendance-table"
        locale={{ emptyText: '该党组织在会议当天没有在册党员（或支委会没有登记委员）' }}
        columns={[
          {
            title: '姓名',
            key: 'name',
            width: 120,
            render: (_, a) => (
              <Space size={4}>
                {names.get(a.memberId) ?? '（已删除）'}
                {!a.voting && <Tag color="orange">预备</Tag>}
              </Space>
            ),
          },
          {
            title: '出勤',
            key: 'status',
            width: 260,
            render: (_, a) => (
              <Radio.Group
                size="small"
                optionType="button"
                value={a.status}
                onChange={(e) => update(a.memberId, { status: e.target.value as AttendanceStatus })}
                options={(['present', 'absent', 'excluded'] as const).map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }))}
                aria-label={`${names.get(a.memberId) ?? ''}出勤`}
              />
            ),
          },
          ...(grading
            ? [
                {
                  title: '评议等次',
                  key: 'grade',
                  width: 130,
                  render: (_: unknown, a: Attendance) =>
                    isGradable(a) ? (
                      <Select<AppraisalGrade>
                        size="small"
                        allowClear
                        style={{ width: 110 }}
                        placeholder="未评定"
                        value={a.appraisalGrade}
                        onChange={(v?: AppraisalGrade) => onChange(attendance.map((x) => (x.memberId === a.memberId ? withGrade(x, v ?? null) : x)))}
                        options={APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
                        aria-label={`${names.get(a.memberId) ?? ''}评议等次`}
                      />
                    ) : (
                      <Typography.Text type="secondary">{a.voting ? '—' : '不评定等次'}</Typography.Text>
                    ),
                },
              ]
            : []),
          {
            title: '缺席原因 / 备注',
            key: 'reason',
            render: (_, a) =>
              a.status === 'absent' ? (
                <Space>
                  <Select
                    size="small"
                    style={{ width: 100 }}
                    placeholder="请选择"
                    status={a.absenceReason ? undefined : 'error'}
                    value={a.absenceReason ?? undefined}
                    onChange={(v) => update(a.memberId, { absenceReason: v })}
                    options={ABSENCE_REASONS.map((r) => ({ value: r, label: ABSENCE_REASON_LABELS[r] }))}
                    aria-label={`${names.get(a.memberId) ?? ''}缺席原因`}
                  />
                  <Input size="small" style={{ width: 200 }} placeholder="说明（选填）" value={a.note} maxLength={500} onChange={(e) => update(a.memberId, { note: e.target.value })} />
                </Space>
              ) : a.status === 'excluded' ? (
                <Input
                  size="small"
                  style={{ width: 320 }}
                  status={a.note.trim() ? undefined : 'error'}
                  placeholder="经批准不计入应到的原因（必填）"
                  value={a.note}
                  maxLength={500}
                  onChange={(e) => update(a.memberId, { note: e.target.value })}
                />
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** Keeps a row consistent with its status: a reason only when absent, a grade only when gradable. */
function normalise(a: Attendance): Attendance {
  const row = a.status === 'absent' ? a : { ...a, absenceReason: null, note: a.status === 'excluded' ? a.note : '' };
  return isGradable(row) ? row : withGrade(row, null);
}
