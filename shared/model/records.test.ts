/** Cross-field checks of the record schemas, one valid hand-written record per table as the base. */
import { describe, expect, it } from 'vitest';
import type { RecordOf } from './registry';
import type { RecordTable } from './tables';
import { validateRecord } from './validate';

const UNIT = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f';
const ID1 = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e01';
const ID2 = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e02';
const ID3 = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e03';
const ORG = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0a';

function meta(id = ID1) {
  return {
    id,
    unitId: UNIT,
    rev: `1767225600000-00000-${UNIT}`,
    deleted: false,
    updatedBy: '李娜',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const member: RecordOf<'member'> = {
  ...meta(),
  name: '王秀英',
  gender: 'female',
  ethnicity: '汉族',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  joinedOn: '1975-07-01',
  membership: 'full',
  convertedOn: '1976-07-01',
  organisationId: ORG,
  postings: [
    { organisationId: ID3, from: '1975-07-01', to: '1990-01-01' },
    { organisationId: ORG, from: '1990-01-01', to: null },
  ],
  status: 'retired',
  statusChangedOn: '2004-12-31',
  cadre: null,
  excludedReason: null,
};

const organisation: RecordOf<'organisation'> = {
  ...meta(ORG),
  name: '第一党支部',
  kind: 'branch',
  parentId: ID3,
  foundedOn: '2010-03-01',
  dissolvedOn: null,
  termStart: '2023-06-01',
  termYears: 3,
  termEnd: '2026-06-01',
  extension: null,
  approvalNo: '市直机关工委〔2023〕12号',
  approvedOn: '2023-05-20',
};

const meeting: RecordOf<'meeting'> = {
  ...meta(),
  organisationId: ORG,
  kind: 'branchGeneralMeeting',
  date: '2026-03-12',
  place: '三楼会议室',
  chair: '张伟',
  recorder: '李娜',
  topics: ['学习贯彻全会精神', '讨论发展党员'],
  lecturer: '',
  minutes: '……',
  attendance: [
    { memberId: ID1, status: 'present', absenceReason: null, note: '', voting: true },
    { memberId: ID2, status: 'present', absenceReason: null, note: '', voting: true },
    { memberId: ID3, status: 'absent', absenceReason: 'sick', note: '住院', voting: true },
  ],
  resolutions: [{ text: '同意接收为预备党员', yes: 2, no: 0, abstain: 0 }],
  attachmentIds: [],
  quorumWarning: null,
};

const enrolment: RecordOf<'enrolment'> = {
  ...meta(),
  classId: ID2,
  memberId: ID3,
  attendedHours: 8,
  status: 'attended',
  absenceReason: null,
  makeUpOfClassId: null,
  attendedSessionIds: null,
};

const unit: RecordOf<'unit'> = {
  ...meta(UNIT),
  name: '市财政局',
  creditCode: '11100000000013127D',
  staffCount: 120,
  partyGroupKind: 'partyGroup',
};

/** Validate `base` with `patch` applied; return [path, message] of the first problem, or null. */
function problem<T extends RecordTable>(table: T, base: RecordOf<T>, patch: Record<string, unknown>) {
  const r = validateRecord(table, { ...base, ...patch });
  return r.ok ? null : { path: r.error.path, message: r.error.issues[0]?.message ?? '', all: r.error.message };
}

describe('the hand-written base records are valid', () => {
  it.each([
    ['member', member],
    ['organisation', organisation],
    ['meeting', meeting],
    ['enrolment', enrolment],
    ['unit', unit],
  ] as const)('%s', (table, record) => {
    expect(validateRecord(table, record)).toEqual({ ok: true, value: record });
  });
});

describe('member', () => {
  it.each([
    [{ idNumber: '110105194912310021' }, ['idNumber'], '身份证号校验位不正确，请核对后重新输入'],
    [{ birthDate: '1949-12-30' }, ['birthDate'], '出生日期与身份证号中的出生日期（1949-12-31）不一致，请核对'],
    [{ gender: 'male' }, ['gender'], '性别与身份证号不一致（身份证号显示为女），请核对'],
    [{ joinedOn: '1940-01-01' }, ['joinedOn'], '入党时间应晚于出生日期，请核对'],
    [{ convertedOn: '1975-06-30' }, ['convertedOn'], '转正时间不能早于入党时间，请核对'],
    [
      { membership: 'probationary' },
      ['convertedOn'],
      '预备党员尚未转正，转正时间应为空；如已转正，请将党员类别改为“正式党员”',
    ],
    [{ phone: '1380013800' }, ['phone'], '电话号码格式不正确，请填写11位手机号或固定电话（如 0591-87654321），不要加空格'],
    [{ birthDate: '1949-02-30' }, ['birthDate'], '日历上没有 1949-02-30 这一天（请注意大小月和闰年），请核对后重新填写'],
    [{ gender: 'unknown' }, ['gender'], '性别不在可选范围内，请从列表中选择'],
    [{ excludedReason: '  ' }, ['excludedReason'], '不能为空，请填写'],
    [
      { postings: [{ organisationId: ORG, from: '1990-01-01', to: '1980-01-01' }] },
      ['postings', 0, 'to'],
      '转出日期不能早于转入日期，请核对',
    ],
    [
      { postings: [{ organisationId: ID3, from: '1990-01-01', to: null }] },
      ['postings', 0, 'organisationId'],
      '当前组织关系的党组织应与“所在党组织”一致，请核对',
    ],
    [
      {
        postings: [
          { organisationId: ORG, from: '1990-01-01', to: null },
          { organisationId: ORG, from: '2000-01-01', to: null },
        ],
      },
      ['postings', 1, 'to'],
      '只能有一段当前的组织关系（转出日期为空），请为较早的一段填写转出日期',
    ],
    [{ postings: [{ organisationId: ORG, from: '1990-01-01' }] }, ['postings', 0, 'to'], '缺少日期，请补填'],
  ])('%j → %j %s', (patch, path, message) => {
    expect(problem('member', member, patch)).toMatchObject({ path, message });
  });

  it.each([
    { membership: 'probationary', convertedOn: null },
    { membership: 'full', convertedOn: null },
    { idNumber: '11010519491231002x' },
    { postings: [] },
    { phone: '' },
  ])('accepts %j', (patch) => {
    expect(problem('member', member, patch)).toBeNull();
  });

  it('stores the ID number in canonical form', () => {
    const r = validateRecord('member', { ...member, idNumber: ' 11010519491231002x' });
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
  });
});

describe('organisation', () => {
  it.each([
    [{ termEnd: '2023-05-31' }, ['termEnd'], '任期届满日期不能早于任期开始日期，请核对'],
    [{ dissolvedOn: '2009-01-01' }, ['dissolvedOn'], '撤销日期不能早于成立日期，请核对'],
    [{ parentId: ORG }, ['parentId'], '上级党组织不能是它自己，请重新选择'],
    [{ termYears: 0 }, ['termYears'], '任期年限应在1至10年之间（通常为3年或5年），请核对'],
    [{ termYears: 3.5 }, ['termYears'], '任期年限应为整数（通常为3年或5年），请核对'],
    [{ kind: '党支部' }, ['kind'], '党组织类别不在可选范围内，请从列表中选择'],
    [
      { extension: { approvalNo: '〔2026〕3号', approvedOn: '2026-05-01', until: '2026-12-01', by: 'x' } },
      ['extension'],
      '含有无法识别的字段（by），该数据可能已被改动或来自不兼容的版本，请向发送方重新索取',
    ],
    [{ extension: { approvalNo: '', approvedOn: '2026-05-01', until: '2026-12-01' } }, ['extension', 'approvalNo'], '不能为空，请填写'],
  ])('%j → %j %s', (patch, path, message) => {
    expect(problem('organisation', organisation, patch)).toMatchObject({ path, message });
  });

  it('accepts equal term dates, no term at all, and an approved extension', () => {
    expect(problem('organisation', organisation, { termEnd: '2023-06-01' })).toBeNull();
    expect(problem('organisation', organisation, { termStart: null, termYears: null, termEnd: null })).toBeNull();
    expect(
      problem('organisation', organisation, {
        extension: { approvalNo: '市直机关工委〔2026〕3号', approvedOn: '2026-05-01', until: '2026-12-01' },
      }),
    ).toBeNull();
  });
});

describe('meeting', () => {
  const [a1, a2, a3] = meeting.attendance;
  it.each([
    [
      { attendance: [a1, a2, a3, a1] },
      ['attendance', 3, 'memberId'],
      '该党员在参会人员中重复出现，请删除重复的一行',
    ],
    [
      { attendance: [a1, a2, { ...a3, absenceReason: null }] },
      ['attendance', 2, 'absenceReason'],
      '请为缺席人员选择缺席原因（病假、事假、公差或其他）',
    ],
    [
      { attendance: [{ ...a1, absenceReason: 'sick' }, a2, a3] },
      ['attendance', 0, 'absenceReason'],
      '只有缺席人员需要填写缺席原因，请清空或将出勤情况改为“缺席”',
    ],
    [
      { attendance: [a1, a2, { ...a3, status: 'excluded', absenceReason: null, note: '' }] },
      ['attendance', 2, 'note'],
      '不计入应到人数的人员，请在备注中写明经批准的原因（如出国6个月以上、长期病休）',
    ],
    [{ resolutions: [{ text: '通过', yes: -1, no: 0, abstain: 0 }] }, ['resolutions', 0, 'yes'], '赞成票数不能为负数，请核对'],
    [{ resolutions: [{ text: '通过', yes: 1, no: 0.5, abstain: 0 }] }, ['resolutions', 0, 'no'], '反对票数应为整数，请核对'],
    [
      { resolutions: [{ text: '通过', yes: 2, no: 1, abstain: 0 }] },
      ['resolutions', 0],
      '表决票数合计（3）超过了到会的有表决权党员人数（2），请核对票数或参会情况',
    ],
    [{ attachmentIds: [ID1, ID1] }, ['attachmentIds', 1], '同一附件重复添加，请删除重复项'],
    [{ topics: ['学习', ' '] }, ['topics', 1], '不能为空，请填写'],
    [{ kind: 'party' }, ['kind'], '会议类型不在可选范围内，请从列表中选择'],
  ])('%#: → %j %s', (patch, path, message) => {
    expect(problem('meeting', meeting, patch)).toMatchObject({ path, message });
  });

  it('does not check vote totals when no attendance was recorded', () => {
    expect(problem('meeting', meeting, { attendance: [], resolutions: [{ text: '通过', yes: 9, no: 0, abstain: 0 }] })).toBeNull();
  });

  it('counts only present members with voting rights as voters (预备党员 do not vote)', () => {
    const attendance = [a1, { ...a2, voting: false }, a3];
    expect(problem('meeting', meeting, { attendance, resolutions: [{ text: '通过', yes: 1, no: 0, abstain: 0 }] })).toBeNull();
    expect(problem('meeting', meeting, { attendance, resolutions: [{ text: '通过', yes: 2, no: 0, abstain: 0 }] })).toMatchObject({
      path: ['resolutions', 0],
    });
  });
});

describe('enrolment', () => {
  it.each([
    [{ attendedHours: -1 }, ['attendedHours'], '参训学时不能为负数，请核对'],
    [{ attendedHours: Number.NaN }, ['attendedHours'], '应为参训学时，请核对后重新填写'],
    [{ makeUpOfClassId: ID1 }, ['makeUpOfClassId'], '只有补训记录需要填写所补的培训班，请清空或将参训情况改为“补训”'],
    [{ status: 'madeUp', makeUpOfClassId: ID2 }, ['makeUpOfClassId'], '所补的培训班不能是本培训班，请重新选择'],
  ])('%j → %j %s', (patch, path, message) => {
    expect(problem('enrolment', enrolment, patch)).toMatchObject({ path, message });
  });

  it('accepts zero hours and decimals', () => {
    expect(problem('enrolment', enrolment, { attendedHours: 0 })).toBeNull();
    expect(problem('enrolment', enrolment, { attendedHours: 2.5, status: 'madeUp', makeUpOfClassId: ID1 })).toBeNull();
  });
});

describe('enrolment per session (课次)', () => {
  it.each([
    [{ attendedSessionIds: ['s1', 's1'] }, ['attendedSessionIds', 1], '出勤课次重复，该记录可能已损坏'],
    [{ attendedSessionIds: ['1'] }, ['attendedSessionIds', 0], '课次编号格式不正确（应为系统生成的 s1、s2……），该记录可能已损坏'],
    [{ attendedSessionIds: [] }, ['attendedSessionIds'], '没有出勤的课次时参训情况应为“缺训”，请填写缺训原因'],
    [{ status: 'absent', absenceReason: '病假', attendedHours: 0, attendedSessionIds: ['s2'] }, ['attendedSessionIds'], '缺训人员不应有出勤课次；如参加了部分课次，请将参训情况改为“参训”'],
  ])('%j → %j %s', (patch, path, message) => {
    expect(problem('enrolment', enrolment, patch)).toMatchObject({ path, message });
  });

  it('accepts a partial attendance, an absence with no sessions, and null for a class without sessions', () => {
    expect(problem('enrolment', enrolment, { attendedSessionIds: ['s1', 's3'], attendedHours: 8 })).toBeNull();
    expect(problem('enrolment', enrolment, { status: 'absent', absenceReason: '病假', attendedHours: 0, attendedSessionIds: [] })).toBeNull();
    expect(problem('enrolment', enrolment, { attendedSessionIds: null })).toBeNull();
  });
});

describe('training class sessions (课次)', () => {
  const twoDays: RecordOf<'trainingClass'> = {
    ...meta(),
    title: '2026年党员集中轮训',
    organiser: 'unit',
    category: '党员教育培训',
    format: '专题讲座',
    placeKind: '本单位',
    place: '三楼会议室',
    startDate: '2026-03-10',
    endDate: '2026-03-11',
    hours: 12,
    lecturer: '',
    sessions: [
      { id: 's1', date: '2026-03-10', label: '上午', hours: 4 },
      { id: 's2', date: '2026-03-10', label: '下午', hours: 4 },
      { id: 's3', date: '2026-03-11', label: '', hours: 4 },
    ],
  };
  const [a, b, c] = twoDays.sessions as [RecordOf<'trainingClass'>['sessions'][number], RecordOf<'trainingClass'>['sessions'][number], RecordOf<'trainingClass'>['sessions'][number]];

  it('accepts sessions within the dates whose hours add up, and no sessions at all', () => {
    expect(problem('trainingClass', twoDays, {})).toBeNull();
    expect(problem('trainingClass', twoDays, { sessions: [], hours: 5 })).toBeNull();
    expect(problem('trainingClass', twoDays, { sessions: [{ ...a, hours: 0.1 }, { ...b, hours: 0.2 }, { ...c, hours: 0 }], hours: 0.3 })).toBeNull();
  });

  it.each([
    [{ hours: 10 }, ['hours'], '各次课学时之和（12 学时）与计划学时（10 学时）不一致，请核对'],
    [{ sessions: [a], hours: 4 }, ['sessions'], '分次登记考勤至少需要两次课；只有一次课时请取消分次，直接登记参训学时'],
    [{ sessions: [a, { ...b, id: 's1' }, c] }, ['sessions', 1, 'id'], '课次编号重复，该记录可能已损坏'],
    [{ sessions: [a, { ...b, label: '上午' }, c] }, ['sessions', 1, 'label'], '同一天有两次课的时段相同，请用时段（如上午、下午）区分，或删除重复的一次'],
    [{ sessions: [a, b, { ...c, date: '2026-03-12' }] }, ['sessions', 2, 'date'], '第3次课的日期不在培训班的起止日期之内，请核对'],
    [{ sessions: [c, a, b] }, ['sessions', 1, 'date'], '课次应按日期先后排列，请核对'],
  ])('%j → %j %s', (patch, path, message) => {
    expect(problem('trainingClass', twoDays, patch)).toMatchObject({ path, message });
  });
});

describe('unit', () => {
  it.each([
    [{ creditCode: '11100000000013127A' }, ['creditCode'], '统一社会信用代码校验位不正确，请核对后重新输入'],
    [{ unitId: ID1 }, ['unitId'], '单位记录的所属单位应为它自己（编号不一致），该记录可能已损坏'],
    [{ staffCount: 0 }, ['staffCount'], '机关工作人员总数至少为1人，请核对'],
  ])('%j → %j %s', (patch, path, message) => {
    expect(problem('unit', unit, patch)).toMatchObject({ path, message });
  });
});

describe('other cross-field checks', () => {
  it('rectification: closed ⇔ 销号日期', () => {
    const base: RecordOf<'rectification'> = {
      ...meta(),
      source: 'circuitInspection',
      problem: '三会一课记录不规范',
      measures: '',
      owner: '张伟',
      deadline: '2026-06-30',
      status: 'closed',
      evidence: '',
      closedOn: '2026-05-10',
      cardId: null,
    };
    expect(problem('rectification', base, {})).toBeNull();
    expect(problem('rectification', base, { closedOn: null })).toMatchObject({ path: ['closedOn'], message: '已销号的整改事项请填写销号日期' });
    expect(problem('rectification', base, { status: 'inProgress' })).toMatchObject({ path: ['closedOn'] });
  });

  it('rectification: answers a card exactly when its source is 红黄牌', () => {
    const base: RecordOf<'rectification'> = {
      ...meta(),
      source: 'card',
      problem: '连续两个季度未召开支部党员大会',
      measures: '',
      owner: '张伟',
      deadline: null,
      status: 'open',
      evidence: '',
      closedOn: null,
      cardId: ID2,
    };
    expect(problem('rectification', base, {})).toBeNull();
    expect(problem('rectification', base, { source: 'supervision' })).toMatchObject({ path: ['source'], message: '对应红黄牌的整改事项，问题来源应为“红黄牌”' });
    expect(problem('rectification', base, { cardId: null })).toMatchObject({ path: ['cardId'] });
  });

  it('card: a unit card names its own unit; fixed ⇔ 销牌日期; deadlines after issue', () => {
    const base: RecordOf<'card'> = {
      ...meta(),
      subjectKind: 'unit',
      subjectId: UNIT,
      trigger: '连续两个季度未召开支部党员大会',
      colour: 'yellow',
      issuer: '市直机关工委',
      issuedOn: '2026-04-01',
      fixBy: '2026-06-30',
      fixStatus: 'pending',
      closedOn: null,
      consequences: ['约谈'],
      evidence: '',
    };
    expect(problem('card', base, {})).toBeNull();
    expect(problem('card', base, { subjectId: ID2 })).toMatchObject({ path: ['subjectId'] });
    expect(problem('card', base, { subjectKind: 'organisation', subjectId: ID2 })).toBeNull();
    expect(problem('card', base, { fixStatus: 'fixed' })).toMatchObject({ path: ['closedOn'], message: '已整改的红黄牌请填写销牌日期' });
    expect(problem('card', base, { fixBy: '2026-03-01' })).toMatchObject({ path: ['fixBy'] });
    expect(problem('card', base, { consequences: ['约谈', '约谈'] })).toMatchObject({ path: ['consequences', 1] });
  });

  it('enrolledUnit: active needs a pinned key; revoked ⇔ revokedAt', () => {
    const base: RecordOf<'enrolledUnit'> = {
      ...meta(),
      name: '市财政局',
      publicKey: null,
      status: 'invited',
      revokedAt: null,
    };
    expect(problem('enrolledUnit', base, {})).toBeNull();
    expect(problem('enrolledUnit', base, { status: 'active' })).toMatchObject({ path: ['publicKey'] });
    expect(problem('enrolledUnit', base, { status: 'active', publicKey: `${'A'.repeat(43)}=` })).toBeNull();
    expect(problem('enrolledUnit', base, { status: 'revoked' })).toMatchObject({ path: ['revokedAt'] });
    expect(problem('enrolledUnit', base, { revokedAt: '2026-01-01T00:00:00.000Z' })).toMatchObject({ path: ['revokedAt'] });
  });

  it('enrolledUnit: the credit code is optional (older entries have none) and checked when given', () => {
    const base: RecordOf<'enrolledUnit'> = { ...meta(), name: '市财政局', publicKey: null, status: 'invited', revokedAt: null };
    expect(problem('enrolledUnit', base, { creditCode: null })).toBeNull();
    expect(problem('enrolledUnit', base, { creditCode: '11410100MB1234567W' })).toBeNull();
    expect(problem('enrolledUnit', base, { creditCode: '11410100MB12345670' })).toMatchObject({ path: ['creditCode'], message: expect.stringContaining('校验位') });
  });

  it('expense: amount in whole 分 and above 0', () => {
    const base: RecordOf<'expense'> = { ...meta(), fundLineId: ID2, date: '2026-03-01', amountFen: 150_000, purpose: '主题党日活动' };
    expect(problem('expense', base, {})).toBeNull();
    expect(problem('expense', base, { amountFen: 0 })).toMatchObject({ message: '支出金额应大于0，请核对' });
    expect(problem('expense', base, { amountFen: 1500.5 })).toMatchObject({ path: ['amountFen'] });
  });

  it('assessment: indicator ids are checked; a __proto__ key from hostile JSON is dropped, never assigned', () => {
    const base: RecordOf<'assessment'> = { ...meta(), quarter: '2026-Q1', scores: { meetings: 18.5, terms: 10 }, total: 28.5 };
    expect(problem('assessment', base, {})).toBeNull();
    expect(problem('assessment', base, { scores: { '1x': 3 } })).toMatchObject({ path: ['scores', '1x'] });
    const hostile = JSON.parse(`{"__proto__":{"polluted":1},"meetings":1}`) as unknown;
    const r = validateRecord('assessment', { ...base, scores: hostile });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.getPrototypeOf(r.value.scores)).toBe(Object.prototype);
      expect(r.value.scores).toEqual({ meetings: 1 });
    }
  });
});

describe('hostile input', () => {
  it('refuses an own __proto__ key at the top level as an unknown field', () => {
    const hostile = JSON.parse(`{"__proto__":{"deleted":true}}`) as object;
    const r = validateRecord('member', { ...member, ...hostile });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('无法识别的字段（__proto__）');
  });

  it.each([null, 42, 'member', [member]])('refuses %j as a record', (value) => {
    const r = validateRecord('member', value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('党员记录：应为一条记录，请核对后重新填写');
  });

  it('refuses a wrong meta field', () => {
    expect(problem('member', member, { rev: '2026-01-01' })).toMatchObject({ path: ['rev'] });
    expect(problem('member', member, { id: 'abc' })).toMatchObject({ path: ['id'] });
    expect(problem('member', member, { deleted: 'false' })).toMatchObject({ path: ['deleted'] });
    expect(problem('member', member, { createdAt: '2026-01-01' })).toMatchObject({ path: ['createdAt'] });
  });
});

describe('unknown keys from hostile input', () => {
  it('shows at most five, each shortened', () => {
    const junk = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`${'k'.repeat(60)}${i}`, 1]));
    const r = validateRecord('unit', { ...unit, ...junk });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('等7个');
      expect(r.error.message.length).toBeLessThan(400);
    }
  });
});
