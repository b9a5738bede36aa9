/**
 * Set-up hints for a party organisation (机关条例 §5–7, 支部条例 §5–8): shown as warnings, never
 * as blocks, because local practice and approvals can justify exceptions.
 *
 * - ≥ 100 members → a 基层党委 may be set up; 50–100 → 党总支; a 党支部 generally ≤ 50 members.
 * - A 党支部 needs ≥ 3 full members; with ≥ 7 full members it elects a 支委会 of 3–5 members;
 *   with fewer than 7, a secretary (and a deputy if needed).
 * - Every 党支部/党总支 has a secretary.
 * - The 机关党委书记 is the 党组(党委)书记 or the 党组(党委) member in charge of 组织人事 (the
 *   《意见》: 推动部门党组(党委)书记或者分管组织人事工作的党组(党委)成员担任机关党委书记). Which member
 *   is in charge of 组织人事 is not recorded, so the hint is only for a 机关党委书记 who holds no seat
 *   of the 党组(党委) at all — and only where the 党组(党委)'s seats are recorded.
 *
 * Members counted: on the roster on `asOf`, not 调出/去世, posted to the organisation or to any
 * organisation below it.
 */
import type { MemberStatus, MembershipKind, OrganisationKind } from '../../model/vocabulary';
import type { IsoDate } from '../dates';
import { organisationOn, statusOn, type RosterMember } from '../members/membership';
import { committeeMembersOn, seatHeldOn, type CommitteeSeatFact } from './seats';

export interface HintOrganisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly parentId: string | null;
  readonly dissolvedOn: IsoDate | null;
  readonly deleted?: boolean;
}

export interface HintMember extends RosterMember {
  readonly membership: MembershipKind;
}

export interface SetupHint {
  readonly code:
    | 'branch-too-large'
    | 'branch-too-small'
    | 'committee-needed'
    | 'committee-size'
    | 'general-branch-size'
    | 'no-secretary'
    | 'organ-secretary-outside-leading-group';
  /** What the organisation's state is, in words anyone reading the ledger may see. */
  readonly message: string;
  /** What the unit keeping the ledger should do about it (not shown to the 工委, which cannot). */
  readonly action?: string;
}

const GONE: readonly MemberStatus[] = ['transferredOut', 'deceased'];

/** The organisation and every organisation below it. */
export function subtreeIds(rootId: string, organisations: readonly HintOrganisation[]): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of organisations)
      if (o.deleted !== true && o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
  }
  return ids;
}

export function memberCounts(
  orgId: string,
  organisations: readonly HintOrganisation[],
  members: readonly HintMember[],
  asOf: IsoDate,
): { total: number; full: number } {
  const ids = subtreeIds(orgId, organisations);
  let total = 0;
  let full = 0;
  for (const m of members) {
    if (m.deleted === true || GONE.includes(statusOn(m, asOf))) continue;
    const at = organisationOn(m, asOf);
    if (at === null || !ids.has(at)) continue;
    total++;
    if (m.membership === 'full') full++;
  }
  return { total, full };
}

export function setupHints(
  org: HintOrganisation,
  organisations: readonly HintOrganisation[],
  members: readonly HintMember[],
  seats: readonly CommitteeSeatFact[],
  asOf: IsoDate,
): SetupHint[] {
  if (org.deleted === true || (org.dissolvedOn !== null && org.dissolvedOn <= asOf)) return [];
  const hints: SetupHint[] = [];
  const { total, full } = memberCounts(org.id, organisations, members, asOf);
  const seated = committeeMembersOn(seats, org.id, asOf).size;
  const hasSecretary = seats.some((s) => s.organisationId === org.id && s.post === 'secretary' && seatHeldOn(s, asOf));

  if (org.kind === 'branch') {
    if (total > 50) hints.push({ code: 'branch-too-large', message: `党员 ${total} 人，超过 50 人：一般应分设党支部，或经批准成立党总支。` });
    if (full < 3) hints.push({ code: 'branch-too-small', message: `正式党员 ${full} 人，不足 3 人：一般不单独成立党支部，可与邻近单位联合成立。` });
    if (full >= 7 && seated < 3)
      hints.push({ code: 'committee-needed', message: `正式党员 ${full} 人（7 人以上）：应选举产生支部委员会（3—5 人），目前委员 ${seated} 人。` });
  }
  if (org.kind === 'generalBranch') {
    if (total < 50) hints.push({ code: 'general-branch-size', message: `党员 ${total} 人，不足 50 人：一般设立党支部即可。` });
    if (total >= 100) hints.push({ code: 'general-branch-size', message: `党员 ${total} 人（100 人以上）：可经批准成立基层党委。` });
  }
  if ((org.kind === 'branch' || org.kind === 'generalBranch') && seated > 5)
    hints.push({ code: 'committee-size', message: `委员 ${seated} 人，超过 5 人：支部（总支）委员会一般为 3—5 人。` });
  if ((org.kind === 'branch' || org.kind === 'generalBranch' || org.kind === 'organCommittee') && !hasSecretary)
    hints.push({ code: 'no-secretary', message: '尚未配备书记。', action: '请在“两委班子”中登记书记。' });
  if (org.kind === 'organCommittee' && hasSecretary) {
    const leading = organisations.filter((o) => o.kind === 'leadingGroup' && o.deleted !== true && (o.dissolvedOn === null || o.dissolvedOn > asOf)).map((o) => o.id);
    const leadingSeated = new Set(leading.flatMap((id) => [...committeeMembersOn(seats, id, asOf)]));
    const secretaries = seats.filter((s) => s.organisationId === org.id && s.post === 'secretary' && seatHeldOn(s, asOf)).map((s) => s.memberId);
    if (leadingSeated.size > 0 && secretaries.every((m) => !leadingSeated.has(m)))
      hints.push({
        code: 'organ-secretary-outside-leading-group',
        message: '机关党委书记不是本单位党组（党委）成员：《意见》要求推动部门党组（党委）书记或者分管组织人事工作的党组（党委）成员担任机关党委书记。',
        action: '如机关党委书记已是党组（党委）成员，请在党组（党委）的“两委班子”中登记其职务；否则请在班子调整时予以考虑。',
      });
  }
  return hints;
}
