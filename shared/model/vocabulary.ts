/**
 * The ledger's closed vocabularies: the codes stored in records and bundles, and the Chinese
 * words shown to users. Codes are English identifiers so that data, code and bundles stay
 * stable; every screen and report shows the Chinese label from here, never its own wording.
 */

/** Workspace mode chosen at first start: 单位 (a municipal unit) or 工委 (the organs working committee). */
export const WORKSPACE_MODES = ['unit', 'committee'] as const;
export type WorkspaceMode = (typeof WORKSPACE_MODES)[number];
export const WORKSPACE_MODE_LABELS: Record<WorkspaceMode, string> = {
  unit: '单位',
  committee: '工委',
};

/** The unit's leading party group: 党组 or 党委. */
export const PARTY_GROUP_KINDS = ['partyGroup', 'partyCommittee'] as const;
export type PartyGroupKind = (typeof PARTY_GROUP_KINDS)[number];
export const PARTY_GROUP_KIND_LABELS: Record<PartyGroupKind, string> = {
  partyGroup: '党组',
  partyCommittee: '党委',
};

/** Kinds of party organisation, top to bottom. */
export const ORGANISATION_KINDS = [
  'leadingGroup', // 党组/党委 — the unit's leadership body, not a base-level organisation
  'organCommittee', // 机关党委
  'disciplineCommittee', // 机关纪委
  'generalBranch', // 党总支
  'branch', // 党支部
  'group', // 党小组
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  leadingGroup: '党组(党委)',
  organCommittee: '机关党委',
  disciplineCommittee: '机关纪委',
  generalBranch: '党总支',
  branch: '党支部',
  group: '党小组',
};

/** Kinds of meeting and organisational life (三会一课 and others). */
export const MEETING_KINDS = [
  'branchGeneralMeeting', // 支部党员大会
  'branchCommitteeMeeting', // 支委会
  'groupMeeting', // 党小组会
  'partyLecture', // 党课
  'themedPartyDay', // 主题党日
  'organisationalLifeMeeting', // 组织生活会
  'democraticAppraisal', // 民主评议党员
  'leadingGroupMeeting', // 党组会议(党建议题)
  'theoryStudyGroup', // 理论学习中心组学习
  'organCadreAssembly', // 机关党员干部大会
  'electionAssembly', // 换届选举大会
  // 民主生活会 of the 党组(党委) (机关条例 §19/§26, DOMAIN.md), record schema 7. Appended, not
  // inserted: codes are data, and the order of this list is the order the form offers them.
  'democraticLifeMeeting',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  branchGeneralMeeting: '支部党员大会',
  branchCommitteeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themedPartyDay: '主题党日',
  organisationalLifeMeeting: '组织生活会',
  democraticAppraisal: '民主评议党员',
  leadingGroupMeeting: '党组会议(党建议题)',
  theoryStudyGroup: '理论学习中心组学习',
  organCadreAssembly: '机关党员干部大会',
  electionAssembly: '换届选举大会',
  democraticLifeMeeting: '民主生活会',
};

/**
 * 民主评议党员 grades (DOMAIN.md: 优秀/合格/基本合格/不合格; 预备党员 take part without a grade, so
 * there is no 不定等次 code: an ungraded row is `null`/absent). Best first. Record schema 7.
 */
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basicallyQualified: '基本合格',
  unqualified: '不合格',
};

/** Seats on a committee (两委). */
export const COMMITTEE_POSTS = ['secretary', 'deputySecretary', 'member'] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];
export const COMMITTEE_POST_LABELS: Record<CommitteePost, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  member: '委员',
};
export const COMMITTEE_ROLES = ['organisation', 'publicity', 'discipline'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  organisation: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** 正式党员 / 预备党员. */
export const MEMBERSHIP_KINDS = ['full', 'probationary'] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];
export const MEMBERSHIP_KIND_LABELS: Record<MembershipKind, string> = {
  full: '正式党员',
  probationary: '预备党员',
};

/** 在职 / 退休 / 调出 / 去世. */
export const MEMBER_STATUSES = ['active', 'retired', 'transferredOut', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在职',
  retired: '退休',
  transferredOut: '调出',
  deceased: '去世',
};

/** Party-affairs cadre (党务干部): 专职 / 兼职 / none. */
export const CADRE_KINDS = ['fullTime', 'partTime'] as const;
export type CadreKind = (typeof CADRE_KINDS)[number];
export const CADRE_KIND_LABELS: Record<CadreKind, string> = {
  fullTime: '专职党务干部',
  partTime: '兼职党务干部',
};

/** Attendance of one member at one meeting. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excluded'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  absent: '缺席',
  excluded: '不计入应到',
};
export const ABSENCE_REASONS = ['sick', 'personal', 'officialDuty', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = {
  sick: '病假',
  personal: '事假',
  officialDuty: '公差',
  other: '其他',
};

/** Source of a rectification item (整改). */
export const RECTIFICATION_SOURCES = ['inspection', 'circuitInspection', 'supervision', 'assessment', 'card', 'dutyReview'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSource, string> = {
  inspection: '巡视',
  circuitInspection: '巡察',
  supervision: '督导',
  assessment: '考核',
  card: '红黄牌',
  dutyReview: '述职评议',
};

/** Card colour (红黄牌). */
export const CARD_COLOURS = ['yellow', 'red'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];
export const CARD_COLOUR_LABELS: Record<CardColour, string> = { yellow: '黄牌', red: '红牌' };

/** Term traffic light (换届三色预警). */
export const TERM_LIGHTS = ['green', 'yellow', 'red'] as const;
export type TermLight = (typeof TERM_LIGHTS)[number];
export const TERM_LIGHT_LABELS: Record<TermLight, string> = { green: '绿', yellow: '黄', red: '红' };

/** Enrolment status in a training class: 参训 / 缺训 / 补训. */
export const ENROLMENT_STATUSES = ['attended', 'absent', 'madeUp'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  attended: '参训',
  absent: '缺训',
  madeUp: '补训',
};

/** Who organises a training class; same codes as the workspace modes. */
export const TRAINING_ORGANISERS = WORKSPACE_MODES;
export type TrainingOrganiser = WorkspaceMode;
export const TRAINING_ORGANISER_LABELS: Record<TrainingOrganiser, string> = {
  unit: '本单位',
  committee: '机关工委',
};

/** Rectification status: 未整改 / 整改中 / 已销号. */
export const RECTIFICATION_STATUSES = ['open', 'inProgress', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '未整改',
  inProgress: '整改中',
  closed: '已销号',
};

/** What a card (红黄牌) is issued to. */
export const CARD_SUBJECT_KINDS = ['unit', 'organisation'] as const;
export type CardSubjectKind = (typeof CARD_SUBJECT_KINDS)[number];
export const CARD_SUBJECT_KIND_LABELS: Record<CardSubjectKind, string> = {
  unit: '单位',
  organisation: '党组织',
};

/** Whether the problem behind a card is fixed. */
export const CARD_FIX_STATUSES = ['pending', 'fixed', 'overdue'] as const;
export type CardFixStatus = (typeof CARD_FIX_STATUSES)[number];
export const CARD_FIX_STATUS_LABELS: Record<CardFixStatus, string> = {
  pending: '整改中',
  fixed: '已整改',
  overdue: '逾期未整改',
};

/** 述职评议: how the 书记 reported (述职方式). */
export const DUTY_REVIEW_FORMATS = ['onSite', 'written'] as const;
export type DutyReviewFormat = (typeof DUTY_REVIEW_FORMATS)[number];
export const DUTY_REVIEW_FORMAT_LABELS: Record<DutyReviewFormat, string> = { onSite: '现场述职', written: '书面述职' };

/** 述职评议 ratings (评议等次), best first. */
export const DUTY_REVIEW_RATINGS = ['good', 'fairlyGood', 'average', 'poor'] as const;
export type DutyReviewRating = (typeof DUTY_REVIEW_RATINGS)[number];
export const DUTY_REVIEW_RATING_LABELS: Record<DutyReviewRating, string> = { good: '好', fairlyGood: '较好', average: '一般', poor: '差' };

/** Kinds of supervision visit by the committee's liaison groups. */
export const SUPERVISION_VISIT_KINDS = ['survey', 'forum', 'spotCheck', 'onSiteGuidance'] as const;
export type SupervisionVisitKind = (typeof SUPERVISION_VISIT_KINDS)[number];
export const SUPERVISION_VISIT_KIND_LABELS: Record<SupervisionVisitKind, string> = {
  survey: '调研',
  forum: '座谈',
  spotCheck: '抽查',
  onSiteGuidance: '下沉指导',
};

/** State of a unit enrolled with the committee. */
export const ENROLLED_UNIT_STATUSES = ['invited', 'active', 'revoked'] as const;
export type EnrolledUnitStatus = (typeof ENROLLED_UNIT_STATUSES)[number];
export const ENROLLED_UNIT_STATUS_LABELS: Record<EnrolledUnitStatus, string> = {
  invited: '已邀请',
  active: '已启用',
  revoked: '已吊销',
};
