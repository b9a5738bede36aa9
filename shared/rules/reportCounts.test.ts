/**
 * The counting rules the reports add: organisations existing on a day, the roster of a day,
 * 党建经费 usage, 整改 progress, 书记项目 milestones, and the summaries that add rule results up.
 */
import { describe, expect, it } from 'vitest';
import { fundUsage } from './duties/funds';
import { organisationCounts, organisationExistsOn, type OrganisationFact } from './organisations/organisations';
import { NATIONAL_PROFILE_V1 as P } from './profile';
import { rectificationProgress, type RectificationFact } from './duties/rectification';
import { isProbationaryOn, rosterSummary, type RosterSummaryMember } from './members/roster';
import { secretaryProjectProgress } from './duties/secretaryProjects';
import { cadreStateCounts, combineCoverage, combineRosters, quarterScores, termLightCounts } from './summaries';

describe('organisations on a day', () => {
  const org = (over: Partial<OrganisationFact>): OrganisationFact => ({ id: 'o', kind: 'branch', foundedOn: null, dissolvedOn: null, ...over });
  it('exist from their founding day until the day before their dissolution', () => {
    const o = org({ foundedOn: '2026-03-01', dissolvedOn: '2026-09-01' });
    expect(['2026-02-28', '2026-03-01', '2026-08-31', '2026-09-01'].map((d) => organisationExistsOn(o, d))).toEqual([false, true, true, false]);
    expect(organisationExistsOn(org({ deleted: true }), '2026-05-01')).toBe(false);
  });
  it('are counted by kind; 基层党组织 are 机关党委, 党总支 and 党支部, not the 党组(党委), 机关纪委 or 党小组', () => {
    const c = organisationCounts(
      [
        org({ id: 'a', kind: 'leadingGroup' }),
        org({ id: 'b' }),
        org({ id: 'c' }),
        org({ id: 'd', kind: 'group' }),
        org({ id: 'e', dissolvedOn: '2026-01-01' }),
        org({ id: 'f', kind: 'organCommittee' }),
        org({ id: 'g', kind: 'disciplineCommittee' }),
        org({ id: 'h', kind: 'generalBranch' }),
      ],
      '2026-12-31',
    );
    expect(c.byKind).toMatchObject({ leadingGroup: 1, organCommittee: 1, disciplineCommittee: 1, generalBranch: 1, branch: 2, group: 1 });
    expect(c.baseLevel).toBe(4);
  });
});

describe('the roster of a day', () => {
  const m = (over: Partial<RosterSummaryMember>): RosterSummaryMember => ({
    id: 'm',
    joinedOn: '2000-01-01',
    status: 'active',
    statusChangedOn: null,
    postings: [],
    membership: 'full',
    convertedOn: null,
    organisationId: 'o1',
    ...over,
  });
  it('counts 在职 and 退休, leaves out those transferred out or deceased, and sorts by organisation', () => {
    const s = rosterSummary(
      [
        m({ id: 'a' }),
        m({ id: 'b', status: 'retired', statusChangedOn: '2020-01-01' }),
        m({ id: 'c', status: 'transferredOut', statusChangedOn: '2026-06-01' }),
        m({ id: 'd', status: 'deceased', statusChangedOn: null }),
        m({ id: 'e', membership: 'probationary', joinedOn: '2026-05-01', organisationId: 'o2' }),
        m({ id: 'f', joinedOn: '2027-01-10' }),
        m({ id: 'g', postings: [{ organisationId: 'o1', from: '2010-01-01', to: '2026-03-01' }, { organisationId: 'o2', from: '2026-03-02', to: null }], organisationId: 'o2' }),
      ],
      '2026-12-31',
    );
    expect([s.total, s.active, s.retired, s.probationary, s.full, s.joinedThisYear]).toEqual([4, 3, 1, 1, 3, 1]);
    expect(s.memberIds).toEqual(['a', 'b', 'e', 'g']);
    expect([...s.byOrganisation]).toEqual([['o1', 2], ['o2', 2]]);
  });
  it('takes a member converted after the day as still 预备', () => {
    expect(isProbationaryOn({ membership: 'full', convertedOn: '2026-07-01' }, '2026-06-30')).toBe(true);
    expect(isProbationaryOn({ membership: 'full', convertedOn: '2026-07-01' }, '2026-07-01')).toBe(false);
  });
});

describe('funds, rectification, secretary projects', () => {
  it('adds up what was spent on the year’s budget lines', () => {
    const u = fundUsage(
      [
        { id: 'l1', year: 2026, name: '三会一课', budgetFen: 1_000_000 },
        { id: 'l2', year: 2026, name: '培训', budgetFen: 0 },
        { id: 'l3', year: 2025, name: '旧', budgetFen: 500 },
      ],
      [
        { fundLineId: 'l1', date: '2026-03-01', amountFen: 250_000 },
        { fundLineId: 'l1', date: '2026-04-01', amountFen: 100, deleted: true },
        { fundLineId: 'l2', date: '2026-04-01', amountFen: 5_000 },
        { fundLineId: 'l3', date: '2025-04-01', amountFen: 400 },
      ],
      2026,
    );
    expect([u.budgetFen, u.spentFen, u.share]).toEqual([1_000_000, 255_000, 0.255]);
    expect(u.lines.map((l) => l.share)).toEqual([0.25, null]);
  });

  it('follows 整改 items of the year: closed, open, overdue, closed late', () => {
    const r = (over: Partial<RectificationFact>): RectificationFact => ({ id: 'r', status: 'open', deadline: null, closedOn: null, ...over });
    const p = rectificationProgress(
      [
        r({ id: 'old', status: 'closed', closedOn: '2025-12-01' }),
        r({ id: 'a', status: 'closed', closedOn: '2026-05-01', deadline: '2026-06-30' }),
        r({ id: 'b', status: 'closed', closedOn: '2026-08-01', deadline: '2026-06-30' }),
        r({ id: 'c', status: 'inProgress', deadline: '2026-11-30' }),
        r({ id: 'd', status: 'open', deadline: '2027-03-31' }),
      ],
      2026,
      '2026-12-31',
    );
    expect([p.total, p.closed, p.inProgress, p.open, p.overdue, p.closedLate, p.closedShare]).toEqual([4, 2, 1, 1, 1, 1, 0.5]);
    expect(p.overdueIds).toEqual(['c']);
  });

  it('counts the milestones of the year’s projects', () => {
    const p = secretaryProjectProgress(
      [
        {
          id: 'p',
          year: 2026,
          title: 'x',
          secretaryName: '张三',
          milestones: [
            { title: 'a', due: '2026-03-01', done: true },
            { title: 'b', due: '2026-06-01', done: false },
            { title: 'c', due: '2027-01-31', done: false },
          ],
        },
        { id: 'q', year: 2025, title: 'y', secretaryName: '李四', milestones: [{ title: 'a', due: null, done: false }] },
      ],
      2026,
      '2026-12-31',
    );
    expect([p.projects.length, p.milestones, p.done, p.overdue]).toEqual([1, 3, 1, 1]);
  });
});

describe('summaries', () => {
  it('adds coverage up and judges it against the profile', () => {
    expect(combineCoverage([{ shouldTrain: 10, trained: 10 }, { shouldTrain: 5, trained: 4 }], P)).toEqual({ shouldTrain: 15, trained: 14, share: 14 / 15, metTarget: false });
    expect(combineCoverage([], P)).toEqual({ shouldTrain: 0, trained: 0, share: null, metTarget: false });
  });
  it('counts term lights, cadre states and rosters', () => {
    const t = termLightCounts([
      { applicable: false, organisationId: 'g', reason: '' },
      { applicable: true, organisationId: 'a', light: 'red', basis: 'none', termStart: null, termEnd: null, extended: false, extensionApprovalNo: null, extendedUntil: null, deadline: null, daysLeft: null, secondReminder: false, reason: '' },
      { applicable: true, organisationId: 'b', light: 'yellow', basis: 'election', termStart: null, termEnd: null, extended: true, extensionApprovalNo: 'x', extendedUntil: null, deadline: null, daysLeft: 3, secondReminder: true, reason: '' },
    ]);
    expect([t.applicable, t.byLight.red, t.byLight.yellow, t.byLight.green, t.secondReminder, t.extended]).toEqual([2, 1, 1, 0, 1, 1]);
    expect(cadreStateCounts([{ state: 'below' }, { state: 'within' }, { state: 'within' }])).toEqual({ below: 1, within: 2, above: 0 });
    const r = { total: 2, active: 1, retired: 1, full: 2, probationary: 0, joinedThisYear: 0 };
    expect(combineRosters([r, r]).total).toBe(4);
  });
  it('averages the committee’s quarter totals', () => {
    const q = quarterScores(
      [
        { quarter: '2026-Q1', total: 80 },
        { quarter: '2026-Q1', total: 91.5 },
        { quarter: '2026-Q2', total: 70, deleted: true },
        { quarter: '2025-Q4', total: 10 },
      ],
      2026,
    );
    expect(q[0]).toEqual({ quarter: '2026-Q1', assessed: 2, average: 85.75, highest: 91.5, lowest: 80 });
    expect(q[1]).toEqual({ quarter: '2026-Q2', assessed: 0, average: null, highest: null, lowest: null });
  });
});
