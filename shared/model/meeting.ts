/**
 * meeting (三会一课, 主题党日 and other organisational life). Should-attend counts are derived from
 * `attendance` (everyone not `excluded`), never typed.
 */
import { z } from 'zod';
import { checkUnique, issue } from './checks';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import {
  count,
  Id,
  IsoDate,
  listOf,
  LONG_TEXT_MAX,
  oneOf,
  requiredText,
  text,
  TEXT_MAX,
  typeMessage,
} from './primitives';
import { ABSENCE_REASONS, ATTENDANCE_STATUSES, MEETING_KINDS } from './vocabulary';

export const AttendanceSchema = strictObject(
  {
    memberId: Id,
    status: oneOf(ATTENDANCE_STATUSES, '出勤情况'),
    absenceReason: oneOf(ABSENCE_REASONS, '缺席原因').nullable(),
    note: text(500),
    voting: z.boolean({ error: typeMessage('有无表决权（是/否）') }),
  },
  '参会记录',
);
export type Attendance = z.infer<typeof AttendanceSchema>;

export const ResolutionSchema = strictObject(
  {
    text: requiredText(TEXT_MAX),
    yes: count('赞成票数'),
    no: count('反对票数'),
    abstain: count('弃权票数'),
  },
  '决议',
);
export type Resolution = z.infer<typeof ResolutionSchema>;

export const MeetingSchema = withMeta({
  organisationId: Id,
  kind: oneOf(MEETING_KINDS, '会议类型'),
  date: IsoDate,
  place: text(),
  chair: text(50),
  recorder: text(50),
  topics: listOf(requiredText(), 100, '议题'),
  lecturer: text(50),
  minutes: text(LONG_TEXT_MAX),
  attendance: listOf(AttendanceSchema, 5000, '参会人员'),
  resolutions: listOf(ResolutionSchema, 100, '决议'),
  attachmentIds: listOf(Id, 500, '附件'),
  quorumWarning: requiredText(TEXT_MAX).nullable(),
}).superRefine((m, ctx) => {
  checkUnique(ctx, m.attendance, (a) => a.memberId, (i) => ['attendance', i, 'memberId'], '该党员在参会人员中重复出现，请删除重复的一行');
  m.attendance.forEach((a, i) => {
    if (a.status === 'absent' && a.absenceReason === null) {
      issue(ctx, ['attendance', i, 'absenceReason'], '请为缺席人员选择缺席原因（病假、事假、公差或其他）');
    }
    if (a.status !== 'absent' && a.absenceReason !== null) {
      issue(ctx, ['attendance', i, 'absenceReason'], '只有缺席人员需要填写缺席原因，请清空或将出勤情况改为“缺席”');
    }
    if (a.status === 'excluded' && a.note === '') {
      issue(ctx, ['attendance', i, 'note'], '不计入应到人数的人员，请在备注中写明经批准的原因（如出国6个月以上、长期病休）');
    }
  });
  checkUnique(ctx, m.attachmentIds, (id) => id, (i) => ['attachmentIds', i], '同一附件重复添加，请删除重复项');

  if (m.attendance.length > 0) {
    const votersPresent = m.attendance.filter((a) => a.voting && a.status === 'present').length;
    m.resolutions.forEach((r, i) => {
      const votes = r.yes + r.no + r.abstain;
      if (votes > votersPresent) {
        issue(ctx, ['resolutions', i], `表决票数合计（${votes}）超过了到会的有表决权党员人数（${votersPresent}），请核对票数或参会情况`);
      }
    });
  }
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MEETING_FIELD_LABELS: FieldLabels<Meeting> = {
  organisationId: '党组织',
  kind: '会议类型',
  date: '会议日期',
  place: '会议地点',
  chair: '主持人',
  recorder: '记录人',
  topics: '议题',
  lecturer: '授课人',
  minutes: '会议记录',
  attendance: '参会人员',
  'attendance.memberId': '党员',
  'attendance.status': '出勤情况',
  'attendance.absenceReason': '缺席原因',
  'attendance.note': '备注',
  'attendance.voting': '有无表决权',
  resolutions: '决议',
  'resolutions.text': '决议内容',
  'resolutions.yes': '赞成票',
  'resolutions.no': '反对票',
  'resolutions.abstain': '弃权票',
  attachmentIds: '附件',
  quorumWarning: '人数提示',
};
