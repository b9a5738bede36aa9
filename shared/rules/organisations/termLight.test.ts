import { describe, it, expect } from 'vitest';
import type { TermLight } from '../../model/vocabulary';
import { termLight, type ElectionFact, type TermLightResult, type TermOrganisation } from './termLight';
import { NATIONAL_PROFILE_V1 as P } from '../profile';

const org = (over: Partial<TermOrganisation> = {}): TermOrganisation => ({
  id: 'b1',
  kind: 'branch',
  dissolvedOn: null,
  termStart: '2024-03-01',
  termYears: 3,
  termEnd: null,
  extension: null,
  ...over,
});

function light(o: TermOrganisation, asOf: string, elections: ElectionFact[] = []): TermLightResult {
  const r = termLight({ organisation: o, elections, asOf }, P);
  if (!r.applicable) throw new Error(r.reason);
  return r;
}

describe('term end 2027-03-01 (termStart 2024-03-01 + 3 years)', () => {
  it.each<[string, TermLight, number, boolean]>([
    ['2026-08-31', 'green', 182, false],
    ['2026-09-01', 'yellow', 181, false], // exactly 6 months before: yellow (inclusive)
    ['2026-11-30', 'yellow', 91, false],
    ['2026-12-01', 'yellow', 90, true], // exactly 3 months before: second reminder (inclusive)
    ['2027-03-01', 'yellow', 0, true], // the term end day itself is not overdue
    ['2027-03-02', 'red', -1, false],
  ])('asOf %s → %s, %i days left, second reminder %s', (asOf, expected, days, second) => {
    const r = light(org(), asOf);
    expect([r.light, r.daysLeft, r.secondReminder, r.termEnd, r.basis]).toEqual([expected, days, second, '2027-03-01', 'organisation']);
  });

  it('explains each colour', () => {
    expect(light(org(), '2026-08-31').reason).toBe('任期至2027年3月1日届满，还剩 182 天');
    expect(light(org(), '2026-11-01').reason).toBe('任期将于2027年3月1日届满，还剩 120 天，尚未换届');
    expect(light(org(), '2026-12-01').reason).toBe('任期将于2027年3月1日届满，还剩 90 天，尚未换届；已进入届满前 3 个月，请抓紧换届');
    expect(light(org(), '2027-03-01').reason).toBe('任期于今日（2027年3月1日）届满，尚未换届；已进入届满前 3 个月，请抓紧换届');
    expect(light(org(), '2027-03-31').reason).toBe('任期已于2027年3月1日届满，超期 30 天，尚未换届，也没有经批准的延期');
  });
});

describe('month-end clamping of the 6-month boundary', () => {
  it.each<[string, TermLight]>([
    ['2026-02-27', 'green'],
    ['2026-02-28', 'yellow'], // 2026-08-31 − 6 months = 2026-02-28
  ])('term end 2026-08-31, asOf %s → %s', (asOf, expected) => {
    expect(light(org({ termStart: null, termEnd: '2026-08-31' }), asOf).light).toBe(expected);
  });
});

describe('leap years', () => {
  it('elected on 2024-02-29 for 3 years ends on 2027-02-28', () => {
    const r = light(org({ termStart: null }), '2026-01-01', [{ organisationId: 'b1', electedOn: '2024-02-29', termYears: 3 }]);
    expect([r.termEnd, r.basis, r.termStart]).toEqual(['2027-02-28', 'election', '2024-02-29']);
  });
  it('a 4-year term from 2024-02-29 ends on 2028-02-29', () => {
    expect(light(org({ termStart: '2024-02-29', termYears: 4 }), '2026-01-01').termEnd).toBe('2028-02-29');
  });
});

describe('where the current term comes from', () => {
  it('no term dates → red', () => {
    const r = light(org({ termStart: null, termYears: null, termEnd: null }), '2026-01-01');
    expect([r.light, r.reason, r.daysLeft, r.termEnd, r.basis]).toEqual(['red', '未录入任期信息', null, null, 'none']);
  });
  it('termYears missing → the profile\'s length for the kind (branch 3)', () => {
    expect(light(org({ termYears: null }), '2026-01-01').termEnd).toBe('2027-03-01');
    expect(light(org({ kind: 'organCommittee', termYears: null }), '2026-01-01').termEnd).toBe('2029-03-01');
  });
  it('an explicit termEnd wins over termStart + termYears', () => {
    expect(light(org({ termEnd: '2027-06-30' }), '2026-01-01').termEnd).toBe('2027-06-30');
  });
  it('a later election starts a new term', () => {
    const r = light(org(), '2027-04-01', [{ organisationId: 'b1', electedOn: '2027-02-20', termYears: 3 }]);
    expect([r.light, r.termEnd, r.basis]).toEqual(['green', '2030-02-20', 'election']);
  });
  it('the latest of several elections counts; deleted, future and other organisations\' elections do not', () => {
    const elections: ElectionFact[] = [
      { organisationId: 'b1', electedOn: '2018-03-01', termYears: 3 },
      { organisationId: 'b1', electedOn: '2021-03-01', termYears: 3 },
      { organisationId: 'b1', electedOn: '2023-03-01', termYears: 3, deleted: true },
      { organisationId: 'b1', electedOn: '2026-06-01', termYears: 3 }, // after asOf
      { organisationId: 'b2', electedOn: '2025-01-01', termYears: 3 },
    ];
    const r = light(org({ termStart: null, termYears: null }), '2024-01-01', elections);
    expect([r.light, r.termEnd, r.termStart]).toEqual(['yellow', '2024-03-01', '2021-03-01']);
  });
  it('the organisation\'s own term wins when it starts after the latest election', () => {
    const r = light(org({ termStart: '2024-03-01' }), '2026-01-01', [{ organisationId: 'b1', electedOn: '2021-03-01', termYears: 3 }]);
    expect([r.basis, r.termEnd, r.light]).toEqual(['organisation', '2027-03-01', 'green']);
  });
});

describe('approved extension (经批准延期)', () => {
  const ext = { approvalNo: 'X组〔2026〕12号', approvedOn: '2027-01-10', until: '2027-12-31' };
  it.each<[string, TermLight, number]>([
    ['2027-03-02', 'yellow', 304], // term ended, extension running: yellow, not red
    ['2027-12-31', 'yellow', 0],
    ['2028-01-01', 'red', -1], // extension passed
  ])('asOf %s → %s', (asOf, expected, days) => {
    const r = light(org({ extension: ext }), asOf);
    expect([r.light, r.daysLeft, r.extended, r.extendedUntil, r.deadline, r.termEnd, r.extensionApprovalNo]).toEqual([
      expected,
      days,
      true,
      '2027-12-31',
      '2027-12-31',
      '2027-03-01',
      'X组〔2026〕12号',
    ]);
  });
  it('explains', () => {
    expect(light(org({ extension: ext }), '2027-09-01').reason).toBe(
      '经批准延期（X组〔2026〕12号），延期至2027年12月31日，还剩 121 天，尚未换届',
    );
    expect(light(org({ extension: ext }), '2027-10-01').reason).toBe(
      '经批准延期（X组〔2026〕12号），延期至2027年12月31日，还剩 91 天，尚未换届；已进入延期届满前 3 个月，请抓紧换届',
    );
    expect(light(org({ extension: ext }), '2028-01-11').reason).toBe(
      '经批准延期（X组〔2026〕12号），延期至2027年12月31日，延期已届满 11 天，仍未换届',
    );
  });
  it('an extension beyond 12 months counts only up to 12 months after the term end', () => {
    const r = light(org({ extension: { ...ext, until: '2028-06-30' } }), '2028-03-02');
    expect([r.extendedUntil, r.light, r.daysLeft]).toEqual(['2028-03-01', 'red', -1]);
    expect(r.reason).toContain('超过届满后 12 个月的上限');
  });
  it('an extension of a previous term is ignored after a new election', () => {
    const r = light(org({ extension: ext }), '2028-06-01', [{ organisationId: 'b1', electedOn: '2027-11-01', termYears: 3 }]);
    expect([r.extended, r.light, r.termEnd]).toEqual([false, 'green', '2030-11-01']);
  });
  it('an extension approved in advance moves the deadline', () => {
    const r = light(org({ extension: ext }), '2026-09-01');
    expect([r.light, r.deadline]).toEqual(['green', '2027-12-31']);
  });
});

describe('not applicable', () => {
  it.each([
    [org({ kind: 'group' }), '党小组不实行任期制'],
    [org({ dissolvedOn: '2025-06-30' }), '该党组织已于2025年6月30日撤销'],
  ])('case %#', (o, reason) => {
    expect(termLight({ organisation: o, elections: [], asOf: '2026-01-01' }, P)).toEqual({ applicable: false, organisationId: 'b1', reason });
  });
});
