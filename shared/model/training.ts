/**
 * trainingClass (培训班) and enrolment (参训). `category`, `format` and `placeKind` are stored as the
 * Chinese words themselves (e.g. '党支部书记示范培训', '现场教学式', '红色教育基地'): the domain keeps
 * these lists editable, so they are data, not codes.
 *
 * Sessions (分次/分天考勤, schema v2): a class held over several days or half-days may list its
 * sessions (课次) — each a day, an optional part of the day (时段: 上午/下午/全天…) and its hours,
 * the hours adding up to the class's planned hours. Attendance is then kept per session: an
 * enrolment lists the sessions its member attended (`attendedSessionIds`), and its hours are the
 * sum of theirs. A class without sessions (`sessions: []`, every class of schema v1) keeps
 * attendance as total hours (`attendedSessionIds: null`).
 */
import { z } from 'zod';
import { checkOrder, checkUnique, issue } from './checks';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { amount, Id, IsoDate, listOf, oneOf, requiredText, text, typeMessage } from './primitives';
import { ENROLMENT_STATUSES, TRAINING_ORGANISERS } from './vocabulary';

export const MAX_TRAINING_HOURS = 1000;
/** At most this many sessions in one class (a two-month evening class, twice a week, fits). */
export const MAX_TRAINING_SESSIONS = 100;
/** Hours are compared to 1/100 of an hour (sessions of 1.5 h, 0.25 h). */
const HOURS_EPSILON = 0.005;

/** A session's key within its class: s1, s2, … (stable when other sessions are added or removed). */
export const SessionId = z
  .string({ error: typeMessage('课次编号') })
  .regex(/^s[1-9][0-9]{0,2}$/, '课次编号格式不正确（应为系统生成的 s1、s2……），该记录可能已损坏');

/** 课次: one day (or part of a day) of a class. */
export const TrainingSessionSchema = z.strictObject({
  id: SessionId,
  date: IsoDate,
  /** 时段, e.g. 上午, 下午, 全天, 晚上; '' when the day has one session. */
  label: text(20),
  hours: amount('本次课学时', MAX_TRAINING_HOURS),
});
export type TrainingSession = z.infer<typeof TrainingSessionSchema>;

/** Sum of hours, rounded to 1/100 (floating sums of 0.1 + 0.2 stay exact for comparison and display). */
export function sumHours(hours: Iterable<number>): number {
  let total = 0;
  for (const h of hours) total += h;
  return Math.round(total * 100) / 100;
}

/**
 * Whether an enrolment missed something of its class (so that a make-up can be recorded for it):
 * 缺训, or 参训 with fewer hours than planned (in a class kept per session: a session missed).
 */
export function missedSomething(e: { readonly status: string; readonly attendedHours: number }, cls: { readonly hours: number }): boolean {
  return e.status === 'absent' || (e.status === 'attended' && cls.hours > 0 && e.attendedHours < cls.hours);
}

/** 第2次（11月3日 上午） — a session in words, numbered by its position in the class. */
export function sessionLabel(session: Pick<TrainingSession, 'date' | 'label'>, position: number): string {
  const [, m, d] = session.date.split('-').map(Number);
  return `第${position + 1}次（${m}月${d}日${session.label ? ` ${session.label}` : ''}）`;
}

export const TrainingClassSchema = withMeta({
  title: requiredText(),
  organiser: oneOf(TRAINING_ORGANISERS, '主办方'),
  category: requiredText(50),
  format: text(50),
  placeKind: text(50),
  place: text(),
  startDate: IsoDate,
  endDate: IsoDate,
  hours: amount('计划学时', MAX_TRAINING_HOURS),
  lecturer: text(100),
  /** 课次; [] when attendance is kept as total hours. */
  sessions: listOf(TrainingSessionSchema, MAX_TRAINING_SESSIONS, '课次'),
}).superRefine((c, ctx) => {
  checkOrder(ctx, c.startDate, c.endDate, ['endDate'], '结束日期不能早于开始日期，请核对');
  if (c.sessions.length === 0) return;
  if (c.sessions.length === 1) {
    issue(ctx, ['sessions'], '分次登记考勤至少需要两次课；只有一次课时请取消分次，直接登记参训学时');
    return;
  }
  checkUnique(ctx, c.sessions, (s) => s.id, (i) => ['sessions', i, 'id'], '课次编号重复，该记录可能已损坏');
  checkUnique(ctx, c.sessions, (s) => `${s.date}|${s.label}`, (i) => ['sessions', i, 'label'], '同一天有两次课的时段相同，请用时段（如上午、下午）区分，或删除重复的一次');
  c.sessions.forEach((s, i) => {
    if (s.date < c.startDate || s.date > c.endDate) issue(ctx, ['sessions', i, 'date'], `第${i + 1}次课的日期不在培训班的起止日期之内，请核对`);
    if (i > 0 && s.date < c.sessions[i - 1]!.date) issue(ctx, ['sessions', i, 'date'], '课次应按日期先后排列，请核对');
  });
  const total = sumHours(c.sessions.map((s) => s.hours));
  if (Math.abs(total - c.hours) > HOURS_EPSILON) {
    issue(ctx, ['hours'], `各次课学时之和（${total} 学时）与计划学时（${c.hours} 学时）不一致，请核对`);
  }
});
export type TrainingClass = z.infer<typeof TrainingClassSchema>;

export const TRAINING_CLASS_FIELD_LABELS: FieldLabels<TrainingClass> = {
  title: '培训班名称',
  organiser: '主办方',
  category: '培训类别',
  format: '培训形式',
  placeKind: '培训场所类型',
  place: '培训地点',
  startDate: '开始日期',
  endDate: '结束日期',
  hours: '计划学时',
  lecturer: '授课人',
  sessions: '课次',
  'sessions.id': '课次编号',
  'sessions.date': '课次日期',
  'sessions.label': '时段',
  'sessions.hours': '本次课学时',
};

export const EnrolmentSchema = withMeta({
  classId: Id,
  memberId: Id,
  attendedHours: amount('参训学时', MAX_TRAINING_HOURS),
  status: oneOf(ENROLMENT_STATUSES, '参训情况'),
  absenceReason: requiredText(500).nullable(),
  makeUpOfClassId: Id.nullable(),
  /** The class's sessions this member attended, when the class lists sessions; null otherwise. */
  attendedSessionIds: listOf(SessionId, MAX_TRAINING_SESSIONS, '出勤课次').nullable(),
}).superRefine((e, ctx) => {
  if (e.attendedSessionIds !== null) {
    checkUnique(ctx, e.attendedSessionIds, (id) => id, (i) => ['attendedSessionIds', i], '出勤课次重复，该记录可能已损坏');
    if (e.status === 'absent' && e.attendedSessionIds.length > 0) {
      issue(ctx, ['attendedSessionIds'], '缺训人员不应有出勤课次；如参加了部分课次，请将参训情况改为“参训”');
    }
    if (e.status !== 'absent' && e.attendedSessionIds.length === 0) {
      issue(ctx, ['attendedSessionIds'], '没有出勤的课次时参训情况应为“缺训”，请填写缺训原因');
    }
  }
  if (e.makeUpOfClassId !== null && e.status !== 'madeUp') {
    issue(ctx, ['makeUpOfClassId'], '只有补训记录需要填写所补的培训班，请清空或将参训情况改为“补训”');
  }
  if (e.makeUpOfClassId !== null && e.makeUpOfClassId === e.classId) {
    issue(ctx, ['makeUpOfClassId'], '所补的培训班不能是本培训班，请重新选择');
  }
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const ENROLMENT_FIELD_LABELS: FieldLabels<Enrolment> = {
  classId: '培训班',
  memberId: '党员',
  attendedHours: '参训学时',
  status: '参训情况',
  absenceReason: '缺训原因',
  makeUpOfClassId: '所补培训班',
  attendedSessionIds: '出勤课次',
};
