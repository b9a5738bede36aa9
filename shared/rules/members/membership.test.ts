import { describe, it, expect } from 'vitest';
import { isActiveMemberOn, onRosterOn, organisationOn, statusOn, type RosterMember } from './membership';

const member = (over: Partial<RosterMember> = {}): RosterMember => ({
  id: 'm1',
  joinedOn: '2010-07-01',
  status: 'active',
  statusChangedOn: null,
  postings: [],
  ...over,
});

describe('statusOn', () => {
  it.each([
    [member(), '2026-01-01', 'active'],
    [member({ status: 'retired', statusChangedOn: '2026-07-01' }), '2026-06-30', 'active'],
    [member({ status: 'retired', statusChangedOn: '2026-07-01' }), '2026-07-01', 'retired'],
    [member({ status: 'transferredOut', statusChangedOn: null }), '2000-01-01', 'transferredOut'],
  ] as const)('case %#', (m, date, expected) => {
    expect(statusOn(m, date)).toBe(expected);
  });
});

describe('roster and postings (a member transferred mid-year)', () => {
  const moved = member({
    postings: [
      { organisationId: 'b1', from: '2020-01-01', to: '2026-06-30' },
      { organisationId: 'b2', from: '2026-06-30', to: null },
    ],
  });
  it.each([
    ['2019-12-31', null, false],
    ['2020-01-01', 'b1', true],
    ['2026-06-29', 'b1', true],
    ['2026-06-30', 'b2', true], // transfer day: the later posting
    ['2026-07-01', 'b2', true],
  ])('on %s → %s', (date, org, onRoster) => {
    expect(organisationOn(moved, date)).toBe(org);
    expect(onRosterOn(moved, date)).toBe(onRoster);
  });
  it('nobody is a member before joinedOn, postings or not', () => {
    expect(onRosterOn(member({ joinedOn: '2026-03-01' }), '2026-02-28')).toBe(false);
    expect(onRosterOn(member({ joinedOn: '2026-03-01' }), '2026-03-01')).toBe(true);
  });
  it('a deleted member is on no roster', () => {
    expect(isActiveMemberOn(member({ deleted: true }), '2026-01-01')).toBe(false);
  });
  it('a member posted out of the unit is not on its roster', () => {
    const out = member({ postings: [{ organisationId: 'b1', from: '2020-01-01', to: '2026-06-30' }], status: 'transferredOut', statusChangedOn: '2026-07-01' });
    expect([isActiveMemberOn(out, '2026-06-30'), isActiveMemberOn(out, '2026-07-01')]).toEqual([true, false]);
  });
});
