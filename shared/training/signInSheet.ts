/**
 * The data of a training class's 签到表: its dates, place and one row per enrolled member
 * ({ seq, name, organisation }). shared/reports/signInSheet.ts (`trainingSignInSheet`) makes the
 * sheet of them that `buildSignInSheet` turns into a PDF.
 *
 * Who is on it: every member with a live enrolment in the class, whatever its status — the sheet is
 * printed before the class, so 缺训 is not known yet, and those making up an earlier class here
 * (补训) sign in like everyone else. Each member once. A class kept per session (课次) has one sheet
 * per session (the PDF prints each on its own page).
 *
 * Order: by organisation as the tree reads (parents before children, 第一 before 第二 — the
 * organisation the member belonged to on the class's first day), members without a known
 * organisation last; within an organisation by name in pinyin order.
 */
import type { Enrolment, TrainingClass } from '../model/training';
import type { PartyGroupKind } from '../model/vocabulary';
import { compareIsoDates } from '../rules/dates';
import { organisationOn, type RosterMember } from '../rules/members/membership';
import { compareNames } from '../rules/naturalOrder';
import { treeOrder, type TreeNode } from '../rules/organisations/organisationTree';
import { chineseDate } from '../rules/text';

export interface SignInRow {
  /** 1, 2, 3 … in sheet order. */
  readonly seq: number;
  readonly memberId: string;
  readonly name: string;
  /** The organisation's name, without the unit's name in front ('' when unknown). */
  readonly organisation: string;
}

export interface TrainingSignInInput {
  readonly trainingClass: Pick<TrainingClass, 'id' | 'title' | 'category' | 'format' | 'placeKind' | 'place' | 'startDate' | 'endDate' | 'lecturer'> & {
    /** 课次 (schema v2); a class without them has one sheet. */
    readonly sessions?: TrainingClass['sessions'];
  };
  readonly enrolments: readonly Pick<Enrolment, 'classId' | 'memberId' | 'deleted'>[];
  readonly members: readonly (RosterMember & { readonly name: string; readonly organisationId: string })[];
  readonly organisations: readonly (TreeNode & { readonly name: string; readonly deleted?: boolean })[];
  readonly unit: { readonly name: string; readonly partyGroupKind: PartyGroupKind };
}

/** 市统计局办公室党支部 → 办公室党支部 (the unit is the sheet's context). */
function shortName(name: string, unitName: string): string {
  return unitName !== '' && name.startsWith(unitName) && name.length > unitName.length ? name.slice(unitName.length) : name;
}

/** The rows of the sheet, numbered, in sheet order. */
export function trainingSignInRows(input: TrainingSignInInput): SignInRow[] {
  const { trainingClass: cls } = input;
  const organisations = input.organisations.filter((o) => o.deleted !== true);
  const rank = new Map(treeOrder(organisations).map(({ node }, i) => [node.id, i] as const));
  const orgName = new Map(organisations.map((o) => [o.id, shortName(o.name, input.unit.name)] as const));
  const members = new Map(input.members.filter((m) => m.deleted !== true).map((m) => [m.id, m] as const));
  const seen = new Set<string>();
  const people: { memberId: string; name: string; organisationId: string | null }[] = [];
  for (const e of input.enrolments) {
    if (e.deleted === true || e.classId !== cls.id || seen.has(e.memberId)) continue;
    const m = members.get(e.memberId);
    if (m === undefined) continue;
    seen.add(e.memberId);
    const at = m.postings.length === 0 ? m.organisationId : (organisationOn(m, cls.startDate) ?? organisationOn(m, cls.endDate) ?? m.organisationId);
    people.push({ memberId: m.id, name: m.name, organisationId: rank.has(at) ? at : null });
  }
  const order = (id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : (rank.get(id) ?? Number.MAX_SAFE_INTEGER));
  people.sort((a, b) => order(a.organisationId) - order(b.organisationId) || compareNames(a.name, b.name) || a.memberId.localeCompare(b.memberId));
  return people.map((p, i) => ({
    seq: i + 1,
    memberId: p.memberId,
    name: p.name,
    organisation: p.organisationId === null ? '' : (orgName.get(p.organisationId) ?? ''),
  }));
}

/** 2026年3月1日, or 2026年3月1日至2026年3月3日 for a class of several days. */
export function trainingDates(cls: Pick<TrainingClass, 'startDate' | 'endDate'>): string {
  return compareIsoDates(cls.startDate, cls.endDate) === 0 ? chineseDate(cls.startDate) : `${chineseDate(cls.startDate)}至${chineseDate(cls.endDate)}`;
}

/** 红色教育基地·古田会议纪念馆; either part alone when the other is empty. */
export function trainingPlace(cls: Pick<TrainingClass, 'placeKind' | 'place'>): string {
  return [cls.placeKind, cls.place].filter((s) => s.trim() !== '').join('·');
}
