/**
 * meeting (三会一课, 主题党日 and other organisational life). Should-attend counts are derived from
 * `attendance` (everyone not `excluded`), never typed.
 *
 * Record schema 7 (issue 14) added, all optional so that meetings written before stay valid as
 * they are (absent reads as "none"):
 * - `observers` (列席人员): people who sat in without being on the attendance list, by name and
 *   post — above all the 机关党委专职副书记 at the 党组's 民主生活会 and 理论学习中心组学习 (the city's
 *   意见: “机关党委专职副书记列席部门民主生活会、理论学习中心组学习和有关会议”);
 * - `attendance[].appraisalGrade` (民主评议党员 等次: 优秀/合格/基本合格/不合格), only on a
 *   `democraticAppraisal` meeting, only for a full member (预备党员 take part without a grade) who is
 *   not excluded. The share of 优秀 is the rule profile's (shared/rules/members/appraisal.ts), so it
 *   is checked where the profile is known (the form), not here.
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
import { ABSENCE_REASONS, APPRAISAL_GRADES, ATTENDANCE_STATUSES, MEETING_KINDS, type AppraisalGrade } from './vocabulary';

export const AttendanceSchema = strictObject(
  {
    memberId: Id,
    status: oneOf(ATTENDANCE_STATUSES, '出勤情况'),
    absenceReason: oneOf(ABSENCE_REASONS, '缺席原因').nullable(),
    note: text(500),
    voting: z.boolean({ error: typeMessage('有无表决权（是/否）') }),
    /** 民主评议党员: the grade given (record schema 7); absent = not graded. */
    appraisalGrade: oneOf(APPRAISAL_GRADES, '评议等次（优秀/合格/基本合格/不合格）').optional(),
  },
  '参会记录',
);
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A row's 民主评议 grade, or null when it has none (rows written before schema 7 have none). */
export function appraisalGradeOf(a: Pick<Attendance, 'appraisalGrade'>): AppraisalGrade | null {
  return a.appraisalGrade ?? null;
}

/** 列席人员: someone who sat in without being on the attendance list (record schema 7). */
export const ObserverSchema = strictObject(
  {
    name: requiredText(50),
    /** 职务, e.g. 机关党委专职副书记. */
    post: text(100),
  },
  '列席人员',
);
export type Observer = z.infer<typeof ObserverSchema>;

/** A meeting's 列席人员 ([] for meetings written before schema 7). */
export function observersOf(m: Pick<Meeting, 'observers'>): readonly Observer[] {
  return m.observers ?? [];
}

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
  /** 列席人员 (record schema 7): optional, absent = none. */
  observers: listOf(ObserverSchema, 100, '列席人员').optional(),
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
    if (a.appraisalGrade !== undefined) {
      if (m.kind !== 'democraticAppraisal') issue(ctx, ['attendance', i, 'appraisalGrade'], '只有民主评议党员会议才评定等次，请清空等次');
      else if (!a.voting) issue(ctx, ['attendance', i, 'appraisalGrade'], '预备党员参加民主评议但不评定等次，请清空等次');
      else if (a.status === 'excluded') issue(ctx, ['attendance', i, 'appraisalGrade'], '不计入应到人数的党员不评定等次，请清空等次或改为出席');
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
  'attendance.appraisalGrade': '评议等次',
  resolutions: '决议',
  'resolutions.text': '决议内容',
  'resolutions.yes': '赞成票',
  'resolutions.no': '反对票',
  'resolutions.abstain': '弃权票',
  attachmentIds: '附件',
  quorumWarning: '人数提示',
  observers: '列席人员',
  'observers.name': '姓名',
  'observers.post': '职务',
};
