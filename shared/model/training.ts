/**
 * trainingClass (培训班) and enrolment (参训). `category`, `format` and `placeKind` are stored as the
 * Chinese words themselves (e.g. '党支部书记示范培训', '现场教学式', '红色教育基地'): the domain keeps
 * these lists editable, so they are data, not codes.
 */
import type { z } from 'zod';
import { checkOrder, issue } from './checks';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { amount, Id, IsoDate, oneOf, requiredText, text } from './primitives';
import { ENROLMENT_STATUSES, TRAINING_ORGANISERS } from './vocabulary';

export const MAX_TRAINING_HOURS = 1000;

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
}).superRefine((c, ctx) => {
  checkOrder(ctx, c.startDate, c.endDate, ['endDate'], '结束日期不能早于开始日期，请核对');
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
};

export const EnrolmentSchema = withMeta({
  classId: Id,
  memberId: Id,
  attendedHours: amount('参训学时', MAX_TRAINING_HOURS),
  status: oneOf(ENROLMENT_STATUSES, '参训情况'),
  absenceReason: requiredText(500).nullable(),
  makeUpOfClassId: Id.nullable(),
}).superRefine((e, ctx) => {
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
};
