import { describe, expect, it } from 'vitest';
import { memberCounts, setupHints, type HintMember, type HintOrganisation } from './setupHints';
import type { CommitteeSeatFact } from './seats';

const ASOF = '2026-11-28';
const unitCommittee: HintOrganisation = { id: 'oc', kind: 'organCommittee', parentId: null, dissolvedOn: null };
const branch: HintOrganisation = { id: 'b1', kind: 'branch', parentId: 'oc', dissolvedOn: null };
const group: HintOrganisation = { id: 'g1', kind: 'group', parentId: 'b1', dissolvedOn: null };
const orgs = [unitCommittee, branch, group];

function members(n: number, opts: Partial<HintMember> = {}, orgId = 'b1'): HintMember[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${orgId}-m${i}`,
    joinedOn: '2000-01-01',
    status: 'active',
    statusChangedOn: null,
    postings: [{ organisationId: orgId, from: '2000-01-01', to: null }],
    membership: 'full',
    ...opts,
  }));
}

const seat = (memberId: string, post: CommitteeSeatFact['post'] = 'member'): CommitteeSeatFact => ({ organisationId: 'b1', memberId, post, from: '2024-01-01', to: null });
const codes = (hs: { code: string }[]) => hs.map((h) => h.code).sort();

describe('set-up hints (机关条例 §5–7, 支部条例)', () => {
  it.each([
    // [full members, probationary, seats, expected hint codes]
    [2, 0, 1, ['branch-too-small']],
    [3, 0, 1, []],
    [6, 3, 1, []],
    [7, 0, 1, ['committee-needed']],
    [7, 0, 3, []],
    [50, 0, 3, []],
    [50, 1, 3, ['branch-too-large']],
    [20, 0, 6, ['committee-size']],
  ])('a branch with %i full and %i probationary members and %i seats → %j', (full, prob, seatCount, expected) => {
    const ms = [...members(full), ...members(prob, { membership: 'probationary' }, 'g1')];
    const seats = ms.slice(0, seatCount).map((m, i) => seat(m.id, i === 0 ? 'secretary' : 'member'));
    expect(codes(setupHints(branch, orgs, ms, seats, ASOF))).toEqual(expected);
  });

  it('counts members of groups under the branch, not those transferred out or deceased', () => {
    const ms = [
      ...members(5),
      ...members(2, {}, 'g1'),
      ...members(1, { status: 'transferredOut', statusChangedOn: '2026-01-01' }),
      ...members(1, { status: 'deceased', statusChangedOn: '2026-01-01' }),
      ...members(1, { status: 'retired', statusChangedOn: '2020-01-01' }),
    ];
    expect(memberCounts('b1', orgs, ms, ASOF)).toEqual({ total: 8, full: 8 });
  });

  it('says when a branch has no secretary, and is silent for a dissolved branch', () => {
    const ms = members(4);
    expect(codes(setupHints(branch, orgs, ms, [], ASOF))).toEqual(['no-secretary']);
    expect(setupHints({ ...branch, dissolvedOn: '2026-06-30' }, orgs, ms, [], ASOF)).toEqual([]);
  });

  it('a 党总支 under 50 or at 100+ members gets a hint', () => {
    const gb: HintOrganisation = { id: 'gb', kind: 'generalBranch', parentId: 'oc', dissolvedOn: null };
    const b: HintOrganisation = { ...branch, parentId: 'gb' };
    const all = [unitCommittee, gb, b, group];
    const secretary = { ...seat('x', 'secretary'), organisationId: 'gb' };
    expect(codes(setupHints(gb, all, members(49), [secretary], ASOF))).toEqual(['general-branch-size']);
    expect(codes(setupHints(gb, all, members(60), [secretary], ASOF))).toEqual([]);
    expect(setupHints(gb, all, members(100), [secretary], ASOF)[0]?.message).toMatch(/可经批准成立基层党委/);
  });
});

describe('the 机关党委书记 and the 党组(党委) (the 《意见》: 党组书记 or the member in charge of 组织人事)', () => {
  const leading: HintOrganisation = { id: 'lg', kind: 'leadingGroup', parentId: null, dissolvedOn: null };
  const all = [leading, ...orgs];
  const seatIn = (organisationId: string, memberId: string, post: CommitteeSeatFact['post']): CommitteeSeatFact => ({ organisationId, memberId, post, from: '2024-01-01', to: null });
  const leadingSeats = [seatIn('lg', 'sec', 'secretary'), seatIn('lg', 'hr', 'member')];

  it('hints when the 机关党委书记 holds no seat of the 党组(党委); never blocks', () => {
    const hints = setupHints(unitCommittee, all, [], [...leadingSeats, seatIn('oc', 'other', 'secretary')], ASOF);
    expect(codes(hints)).toEqual(['organ-secretary-outside-leading-group']);
    expect(hints[0]?.message).toContain('推动部门党组（党委）书记或者分管组织人事工作的党组（党委）成员担任机关党委书记');
  });

  it('is silent when the 党组书记 or a 党组 member is the 机关党委书记, or when the 党组’s seats are not recorded', () => {
    expect(setupHints(unitCommittee, all, [], [...leadingSeats, seatIn('oc', 'sec', 'secretary')], ASOF)).toEqual([]);
    expect(setupHints(unitCommittee, all, [], [...leadingSeats, seatIn('oc', 'hr', 'secretary')], ASOF)).toEqual([]);
    expect(setupHints(unitCommittee, all, [], [seatIn('oc', 'other', 'secretary')], ASOF)).toEqual([]);
    // a 党组 member whose seat ended no longer counts
    const ended = [{ ...seatIn('lg', 'hr', 'member'), to: '2025-12-31' }, seatIn('lg', 'sec', 'secretary'), seatIn('oc', 'hr', 'secretary')];
    expect(codes(setupHints(unitCommittee, all, [], ended, ASOF))).toEqual(['organ-secretary-outside-leading-group']);
  });
});
