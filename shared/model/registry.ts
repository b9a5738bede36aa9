/** Table name → schema and → field labels, for every synced record table. */
import type { z } from 'zod';
import { AttachmentSchema, ATTACHMENT_FIELD_LABELS } from './attachment';
import {
  CARE_VISIT_FIELD_LABELS,
  CareVisitSchema,
  COMMENDATION_FIELD_LABELS,
  CommendationSchema,
  PUBLICITY_FIELD_LABELS,
  PublicitySchema,
} from './care';
import { CADRE_EXCHANGE_FIELD_LABELS, CadreExchangeSchema } from './cadreExchange';
import { PROJECT_RATING_FIELD_LABELS, ProjectRatingSchema } from './projectRating';
import {
  ASSESSMENT_FIELD_LABELS,
  AssessmentSchema,
  CARD_FIELD_LABELS,
  CardSchema,
  DUTY_REVIEW_FIELD_LABELS,
  DutyReviewSchema,
  ENROLLED_UNIT_FIELD_LABELS,
  EnrolledUnitSchema,
  NOTICE_FIELD_LABELS,
  NoticeSchema,
  RECEIPT_FIELD_LABELS,
  ReceiptSchema,
  SUPERVISION_VISIT_FIELD_LABELS,
  SupervisionVisitSchema,
} from './committee';
import { COMMITTEE_SEAT_FIELD_LABELS, CommitteeSeatSchema } from './committeeSeat';
import { DUTY_LIST_FIELD_LABELS, DutyListSchema } from './dutyList';
import { EXPENSE_FIELD_LABELS, ExpenseSchema, FUND_LINE_FIELD_LABELS, FundLineSchema } from './funds';
import { MEETING_FIELD_LABELS, MeetingSchema } from './meeting';
import { MEMBER_FIELD_LABELS, MemberSchema } from './member';
import { META_FIELD_LABELS } from './meta';
import { ELECTION_FIELD_LABELS, ElectionSchema, ORGANISATION_FIELD_LABELS, OrganisationSchema } from './organisation';
import { NOTICE_READ_FIELD_LABELS, NoticeReadSchema } from './noticeRead';
import { RECTIFICATION_FIELD_LABELS, RectificationSchema } from './rectification';
import { RULE_PROFILE_FIELD_LABELS, RuleProfileRecordSchema } from './ruleProfile';
import { SECRETARY_PROJECT_FIELD_LABELS, SecretaryProjectSchema } from './secretaryProject';
import { RECORD_TABLES } from './tables';
import type { RecordTable } from './tables';
import { ENROLMENT_FIELD_LABELS, EnrolmentSchema, TRAINING_CLASS_FIELD_LABELS, TrainingClassSchema } from './training';
import { UNIT_FIELD_LABELS, UnitSchema } from './unit';

export const RECORD_SCHEMAS = {
  unit: UnitSchema,
  organisation: OrganisationSchema,
  election: ElectionSchema,
  committeeSeat: CommitteeSeatSchema,
  member: MemberSchema,
  meeting: MeetingSchema,
  attachment: AttachmentSchema,
  trainingClass: TrainingClassSchema,
  enrolment: EnrolmentSchema,
  secretaryProject: SecretaryProjectSchema,
  dutyList: DutyListSchema,
  rectification: RectificationSchema,
  fundLine: FundLineSchema,
  expense: ExpenseSchema,
  careVisit: CareVisitSchema,
  commendation: CommendationSchema,
  publicity: PublicitySchema,
  noticeRead: NoticeReadSchema,
  cadreExchange: CadreExchangeSchema,
  enrolledUnit: EnrolledUnitSchema,
  card: CardSchema,
  notice: NoticeSchema,
  dutyReview: DutyReviewSchema,
  supervisionVisit: SupervisionVisitSchema,
  assessment: AssessmentSchema,
  receipt: ReceiptSchema,
  ruleProfile: RuleProfileRecordSchema,
  projectRating: ProjectRatingSchema,
} as const satisfies Record<RecordTable, z.ZodType>;

/** The record type stored in `table`. */
export type RecordOf<T extends RecordTable> = z.infer<(typeof RECORD_SCHEMAS)[T]>;
/** Any synced record. */
export type AnyRecord = RecordOf<RecordTable>;

/**
 * Chinese labels per table: meta fields, the record's own fields, and nested fields written as
 * 'list.field' (e.g. 'attendance.memberId').
 */
const OWN_FIELD_LABELS = {
  unit: UNIT_FIELD_LABELS,
  organisation: ORGANISATION_FIELD_LABELS,
  election: ELECTION_FIELD_LABELS,
  committeeSeat: COMMITTEE_SEAT_FIELD_LABELS,
  member: MEMBER_FIELD_LABELS,
  meeting: MEETING_FIELD_LABELS,
  attachment: ATTACHMENT_FIELD_LABELS,
  trainingClass: TRAINING_CLASS_FIELD_LABELS,
  enrolment: ENROLMENT_FIELD_LABELS,
  secretaryProject: SECRETARY_PROJECT_FIELD_LABELS,
  dutyList: DUTY_LIST_FIELD_LABELS,
  rectification: RECTIFICATION_FIELD_LABELS,
  fundLine: FUND_LINE_FIELD_LABELS,
  expense: EXPENSE_FIELD_LABELS,
  careVisit: CARE_VISIT_FIELD_LABELS,
  commendation: COMMENDATION_FIELD_LABELS,
  publicity: PUBLICITY_FIELD_LABELS,
  noticeRead: NOTICE_READ_FIELD_LABELS,
  cadreExchange: CADRE_EXCHANGE_FIELD_LABELS,
  enrolledUnit: ENROLLED_UNIT_FIELD_LABELS,
  card: CARD_FIELD_LABELS,
  notice: NOTICE_FIELD_LABELS,
  dutyReview: DUTY_REVIEW_FIELD_LABELS,
  supervisionVisit: SUPERVISION_VISIT_FIELD_LABELS,
  assessment: ASSESSMENT_FIELD_LABELS,
  receipt: RECEIPT_FIELD_LABELS,
  ruleProfile: RULE_PROFILE_FIELD_LABELS,
  projectRating: PROJECT_RATING_FIELD_LABELS,
} satisfies Record<RecordTable, Readonly<Record<string, string>>>;

function mergeLabels(): Record<RecordTable, Readonly<Record<string, string>>> {
  const out = {} as Record<RecordTable, Readonly<Record<string, string>>>;
  for (const table of RECORD_TABLES) {
    const own: Readonly<Record<string, string>> = OWN_FIELD_LABELS[table];
    out[table] = Object.freeze({ ...META_FIELD_LABELS, ...own });
  }
  return Object.freeze(out);
}

/**
 * Chinese labels per table: meta fields, the record's own fields, and nested fields written as
 * 'list.field' (e.g. 'attendance.memberId').
 */
export const RECORD_FIELD_LABELS: Readonly<Record<RecordTable, Readonly<Record<string, string>>>> = mergeLabels();
