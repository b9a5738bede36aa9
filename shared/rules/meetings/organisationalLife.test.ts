import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../model/meeting';
import type { AppraisalGrade } from '../../model/vocabulary';
import { NATIONAL_PROFILE_V1 as P, type RuleProfile } from '../profile';
import {
  appraisalHistoryByMember,
  appraisalHistoryWords,
  appraisalSaveCheck,
  appraisalTally,
  appraisalTallyWords,
  deputySecretaryObserverCheck,
  gradesForKind,
  hasObservers,
  isOrganDeputySecretaryPost,
  organDeputySecretariesOn,
  organisationalLifeFigures,
} from './organisationalLife';

/** A full member present, graded `grade` (or not). */
function row(i: number, grade?: AppraisalGrade, over: Partial<Attendance> = {}): Attendance {
  return { memberId: `m${i}`, status: 'present', absenceReason: null, note: '', voting: true, ...(grade ? { appraisalGrade: grade } : {}), ...over };
}
/** `excellent` 优秀 and the rest 合格, among `graded` rows. */
function graded(total: number, excellent: number): Attendance[] {
  return Array.from({ length: total }, (_, i) => row(i, i < excellent ? 'excellent' : 'qualified'));
}

describe('民主评议党员: the form refuses more 优秀 than a third of the graded members', () => {
  it('exactly one third is saved (9 graded, 3 优秀)', () => {
    const c = appraisalSaveCheck('democraticAppraisal', graded(9, 3), P)!;
    expect(c.ok).toBe(true);
    expect(c.share).toMatchObject({ gradedCount: 9, excellentCount: 3, maxExcellent: 3 });
    expect(c.message).toBe('参加评定的党员 9 人，评为优秀 3 人，未超过三分之一（最多 3 人）');
  });

  it('one above is refused, naming the numbers (9 graded, 4 优秀)', () => {
    const c = appraisalSaveCheck('democraticAppraisal', graded(9, 4), P)!;
    expect(c.ok).toBe(false);
    expect(c.message).toBe('评为“优秀”的人数超出规定，不能保存：参加评定的党员 9 人，评为优秀 4 人，超过三分之一（最多 3 人）。请将其中 1 人改评为其他等次后再保存。');
  });

  it('rounds down: 10 graded allow 3, 2 graded allow none', () => {
    expect(appraisalSaveCheck('democraticAppraisal', graded(10, 3), P)!.ok).toBe(true);
    expect(appraisalSaveCheck('democraticAppraisal', graded(10, 4), P)!.ok).toBe(false);
    expect(appraisalSaveCheck('democraticAppraisal', graded(2, 1), P)!.ok).toBe(false);
  });

  it('nobody graded yet is saved (a meeting recorded before grading, or an old record)', () => {
    const list = [row(1), row(2), row(3)];
    const c = appraisalSaveCheck('democraticAppraisal', list, P)!;
    expect(c.ok).toBe(true);
    expect(c.tally).toMatchObject({ graded: 0, ungraded: 3, withoutGrade: 0 });
  });

  it('takes the share of every full member taking part, graded yet or not: grading in several sittings saves its first 优秀', () => {
    // 9 full members (3 优秀 allowed), 3 graded so far: 2 优秀 may be saved, a 4th 优秀 later may not
    const partly = [row(1, 'excellent'), row(2, 'excellent'), row(3, 'qualified'), ...[4, 5, 6, 7, 8, 9].map((i) => row(i))];
    const c = appraisalSaveCheck('democraticAppraisal', partly, P)!;
    expect(c.ok).toBe(true);
    expect(c.share).toMatchObject({ gradedCount: 9, excellentCount: 2, maxExcellent: 3 });
    const first = appraisalSaveCheck('democraticAppraisal', [row(1, 'excellent'), ...[2, 3, 4, 5, 6].map((i) => row(i))], P)!;
    expect(first.ok).toBe(true); // the first member graded 优秀 of six
    const four = [row(1, 'excellent'), row(2, 'excellent'), row(3, 'excellent'), row(4, 'excellent'), ...[5, 6, 7, 8, 9].map((i) => row(i))];
    expect(appraisalSaveCheck('democraticAppraisal', four, P)!).toMatchObject({ ok: false, share: { gradedCount: 9, maxExcellent: 3 } });
  });

  it('leaves out members excluded from should-attend and 预备党员 (who take part without a grade)', () => {
    const list = [
      ...graded(6, 2),
      row(7, 'excellent', { status: 'excluded', note: '出国6个月以上' }), // a stale grade on an excluded row does not count
      row(8, undefined, { voting: false }),
      row(9, 'excellent', { voting: false }), // nor on a probationary member's row
    ];
    const t = appraisalTally(list);
    expect(t).toEqual({ counts: { excellent: 2, qualified: 4, basicallyQualified: 0, unqualified: 0 }, graded: 6, ungraded: 0, withoutGrade: 2 });
    expect(appraisalSaveCheck('democraticAppraisal', list, P)!.ok).toBe(true);
    expect(appraisalTallyWords(t)).toBe('优秀 2 人，合格 4 人，基本合格 0 人，不合格 0 人；预备党员 2 人参加评议、不评定等次');
  });

  it('an absent member may be graded (and counts)', () => {
    const list = [row(1, 'excellent'), row(2, 'qualified', { status: 'absent', absenceReason: 'sick' }), row(3, 'qualified')];
    expect(appraisalTally(list).graded).toBe(3);
    expect(appraisalSaveCheck('democraticAppraisal', list, P)!.ok).toBe(true);
  });

  it("follows the profile's share (a committee allowing two fifths)", () => {
    const twoFifths: RuleProfile = { ...P, appraisal: { excellentMax: { numerator: 2, denominator: 5 } } };
    expect(appraisalSaveCheck('democraticAppraisal', graded(10, 4), twoFifths)!.ok).toBe(true);
    expect(appraisalSaveCheck('democraticAppraisal', graded(10, 5), twoFifths)!.message).toContain('超过五分之二（最多 4 人）');
  });

  it('is not asked of other kinds', () => {
    expect(appraisalSaveCheck('organisationalLifeMeeting', graded(3, 3), P)).toBeNull();
  });

  it('drops grades a meeting of the kind cannot store instead of refusing them', () => {
    const list = [row(1, 'excellent'), row(2, 'qualified', { status: 'excluded', note: '长期病休' }), row(3, 'qualified', { voting: false })];
    expect(gradesForKind('democraticAppraisal', list).map((a) => a.appraisalGrade)).toEqual(['excellent', undefined, undefined]);
    expect(gradesForKind('democraticAppraisal', list)[1]).not.toHaveProperty('appraisalGrade');
    expect(gradesForKind('branchGeneralMeeting', list).some((a) => 'appraisalGrade' in a)).toBe(false);
  });
});

describe('列席: the 机关党委专职副书记 at the 民主生活会 and the 中心组', () => {
  it('warns (without blocking) when no 专职副书记 is recorded', () => {
    for (const kind of ['democraticLifeMeeting', 'theoryStudyGroup'] as const) {
      const c = deputySecretaryObserverCheck(kind, [])!;
      expect(c.ok).toBe(false);
      expect(c.message).toContain('未记录机关党委专职副书记列席');
      expect(c.message).toContain('不影响保存');
      expect(deputySecretaryObserverCheck(kind, [{ name: '周敏', post: '机关纪委书记' }])!.ok).toBe(false);
    }
  });

  it('is satisfied by an observer whose post names the 专职副书记', () => {
    const c = deputySecretaryObserverCheck('democraticLifeMeeting', [{ name: '周敏', post: '机关纪委书记' }, { name: ' 王立新 ', post: '机关党委 专职副书记' }])!;
    expect(c).toEqual({ ok: true, message: '已记录机关党委专职副书记王立新列席民主生活会' });
    expect(isOrganDeputySecretaryPost('专职副书记')).toBe(true);
    expect(isOrganDeputySecretaryPost('副书记')).toBe(false);
  });

  it('says nothing for other kinds; the 党组会议 lists observers without the warning', () => {
    expect(deputySecretaryObserverCheck('leadingGroupMeeting', [])).toBeNull();
    expect(deputySecretaryObserverCheck('themedPartyDay', [])).toBeNull();
    expect(['democraticLifeMeeting', 'theoryStudyGroup', 'leadingGroupMeeting'].every((k) => hasObservers(k as never))).toBe(true);
    expect(hasObservers('branchGeneralMeeting')).toBe(false);
  });

  it('finds the 机关党委 full-time 副书记 on the day from the seats', () => {
    const orgs = [
      { id: 'oc', kind: 'organCommittee' },
      { id: 'b1', kind: 'branch' },
    ];
    const seat = { organisationId: 'oc', memberId: 'wang', post: 'deputySecretary' as const, from: '2024-01-01', to: null, fullTime: true };
    const seats = [
      seat,
      { ...seat, memberId: 'li', fullTime: false }, // part-time 副书记
      { ...seat, memberId: 'zhao', post: 'secretary' as const },
      { ...seat, organisationId: 'b1', memberId: 'sun' }, // a branch's 副书记
      { ...seat, memberId: 'old', from: '2020-01-01', to: '2023-12-31' },
    ];
    expect(organDeputySecretariesOn(orgs, seats, '2026-03-01')).toEqual(['wang']);
    expect(organDeputySecretariesOn(orgs, seats, '2023-06-01')).toEqual(['old']);
  });
});

describe("a member's grades over the years", () => {
  const meeting = (id: string, date: string, grades: Record<string, AppraisalGrade>, over = {}) => ({
    id,
    organisationId: 'b1',
    kind: 'democraticAppraisal' as const,
    date,
    attendance: Object.entries(grades).map(([memberId, g]) => ({ memberId, status: 'present' as const, voting: true, appraisalGrade: g })),
    ...over,
  });
  it('lists them oldest first, one per year, from live 民主评议 meetings only', () => {
    const history = appraisalHistoryByMember([
      meeting('c', '2026-12-10', { zhang: 'excellent', li: 'qualified' }),
      meeting('a', '2024-12-01', { zhang: 'qualified' }),
      meeting('b', '2025-12-05', { zhang: 'basicallyQualified' }),
      meeting('d', '2023-12-05', { zhang: 'unqualified' }, { deleted: true }),
      meeting('e', '2022-12-05', { zhang: 'unqualified' }, { kind: 'organisationalLifeMeeting' }),
    ]);
    expect(history.get('zhang')!.map((e) => [e.year, e.grade])).toEqual([
      [2024, 'qualified'],
      [2025, 'basicallyQualified'],
      [2026, 'excellent'],
    ]);
    expect(appraisalHistoryWords(history.get('zhang')!)).toBe('2024年 合格、2025年 基本合格、2026年 优秀');
    expect(appraisalHistoryWords(history.get('li')!)).toBe('2026年 合格');
    expect(history.has('nobody')).toBe(false);
  });
});

describe("the year's figures for reports", () => {
  const base = { organisationId: 'x', attendance: [] as Attendance[] };
  const deputy = [{ name: '王立新', post: '机关党委专职副书记' }];
  it('民主生活会 held (dates, 列席), 中心组 sessions with the 专职副书记, 民主评议 grades added up', () => {
    const f = organisationalLifeFigures(
      [
        { ...base, id: 'l1', kind: 'democraticLifeMeeting', date: '2026-12-20', observers: deputy },
        { ...base, id: 'l0', kind: 'democraticLifeMeeting', date: '2025-12-20', observers: deputy }, // last year
        { ...base, id: 's1', kind: 'theoryStudyGroup', date: '2026-03-10', observers: deputy },
        { ...base, id: 's2', kind: 'theoryStudyGroup', date: '2026-06-10' },
        { ...base, id: 's3', kind: 'theoryStudyGroup', date: '2026-09-10', observers: deputy, deleted: true },
        { ...base, id: 'a1', kind: 'democraticAppraisal', date: '2026-12-01', attendance: graded(6, 2) },
        { ...base, id: 'a2', kind: 'democraticAppraisal', date: '2026-12-02', attendance: [row(1, 'basicallyQualified'), row(2), row(3, undefined, { voting: false })] },
        { ...base, id: 'a3', kind: 'democraticAppraisal', date: '2027-01-02', attendance: graded(3, 1) }, // after asOf
      ],
      2026,
      '2026-12-31',
    );
    expect(f.democraticLife).toEqual([{ meetingId: 'l1', date: '2026-12-20', deputySatIn: true }]);
    expect(f.theoryStudy).toEqual({ sessions: 2, deputySatIn: 1 });
    expect(f.appraisal).toEqual({ meetings: 2, tally: { counts: { excellent: 2, qualified: 4, basicallyQualified: 1, unqualified: 0 }, graded: 7, ungraded: 1, withoutGrade: 1 } });
  });
});
