/**
 * 三级五岗职责清单: the default list (DOMAIN.md: three levels 党委(党组) → 机关党委 → 党支部 and five
 * posts, each with duty items), self-check completeness (items with a 落实/部分落实/未落实 outcome out
 * of all items, per post and overall), the checks of a write, and the workbench to-dos (no list
 * this year; in the fourth quarter, items not yet self-checked). Levels, posts and items are data:
 * the default is only what "按默认清单生成本年度清单" writes, editable afterwards.
 */
import type { DutyItem, DutyItemStatus, DutyList } from '../../model/dutyList';
import { DUTY_ITEM_STATUSES } from '../../model/dutyList';
import type { IsoDate } from '../dates';
import type { TodoItem } from '../todos';
import { compareChinese } from '../collation';

/** The levels in the order the page shows them (a level not in this list comes after, by name). */
export const DEFAULT_DUTY_LEVELS = ['党组（党委）', '机关党委', '党支部'] as const;

export interface DefaultDutyPost {
  readonly level: string;
  readonly post: string;
  readonly items: readonly string[];
}

/** The default 三级五岗 list, after 《关于落实机关党建工作责任制的意见》 as DOMAIN.md summarises it. */
export const DEFAULT_DUTY_POSTS: readonly DefaultDutyPost[] = [
  {
    level: '党组（党委）',
    post: '党组（党委）书记',
    items: [
      '履行机关党建工作第一责任人职责，每年至少专题研究机关党建工作2次',
      '带头讲党课，每年至少为党员干部讲1次党课',
      '领办书记项目，推动解决机关党建突出问题',
      '支持机关党委、机关纪委开展工作，定期听取工作汇报',
      '向上级党组织和机关工委述职，接受评议',
    ],
  },
  {
    level: '党组（党委）',
    post: '党组（党委）其他成员',
    items: [
      '履行“一岗双责”，抓好分管部门和联系党支部的党建工作',
      '以普通党员身份参加所在党支部组织生活',
      '每年到联系党支部讲党课或指导工作不少于1次',
    ],
  },
  {
    level: '机关党委',
    post: '机关党委书记',
    items: [
      '履行机关党建工作直接责任，制定年度党建工作计划并组织实施',
      '指导党支部落实“三会一课”、主题党日等组织生活制度',
      '组织党员教育培训和党务干部培训',
      '抓好党支部按期换届、发展党员和党费收缴使用管理',
    ],
  },
  {
    level: '机关党委',
    post: '机关纪委书记',
    items: [
      '协助党组（党委）落实全面从严治党监督责任',
      '开展党风廉政教育和警示教育',
      '受理党员干部违纪问题线索，依规依纪处置',
    ],
  },
  {
    level: '党支部',
    post: '党支部书记',
    items: [
      '履行党支部党建工作第一责任人职责，按规定开好“三会一课”、组织生活会',
      '开展谈心谈话，了解掌握党员思想和工作情况',
      '做好党员发展、教育、管理和监督工作',
      '每年向机关党委述职，接受评议',
    ],
  },
];

export interface Completeness {
  /** Items with a self-check outcome. */
  readonly checked: number;
  readonly total: number;
  /** checked / total, or null when there are no items. */
  readonly share: number | null;
}

function completenessOf(checked: number, total: number): Completeness {
  return { checked, total, share: total === 0 ? null : checked / total };
}

export function isSelfChecked(item: Pick<DutyItem, 'status'>): boolean {
  return item.status !== undefined && (DUTY_ITEM_STATUSES as readonly string[]).includes(item.status);
}

/** One post's self-check completeness. */
export function postCompleteness(list: Pick<DutyList, 'items'>): Completeness {
  return completenessOf(list.items.filter(isSelfChecked).length, list.items.length);
}

/** The whole year's completeness, over all items of `lists`. */
export function overallCompleteness(lists: readonly Pick<DutyList, 'items'>[]): Completeness {
  let checked = 0;
  let total = 0;
  for (const l of lists) {
    const c = postCompleteness(l);
    checked += c.checked;
    total += c.total;
  }
  return completenessOf(checked, total);
}

/** Items by outcome, over `lists` (未自查 counted as `unchecked`). */
export function statusCounts(lists: readonly Pick<DutyList, 'items'>[]): Readonly<Record<DutyItemStatus | 'unchecked', number>> {
  const out = { done: 0, partial: 0, notDone: 0, unchecked: 0 };
  for (const l of lists) for (const i of l.items) out[isSelfChecked(i) ? i.status! : 'unchecked'] += 1;
  return out;
}

/** "已自查 3/5（60%）" */
export function completenessText(c: Completeness): string {
  return c.total === 0 ? '暂无职责事项' : `已自查 ${c.checked}/${c.total}（${Math.round((c.share ?? 0) * 100)}%）`;
}

function levelRank(level: string): number {
  const i = (DEFAULT_DUTY_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? DEFAULT_DUTY_LEVELS.length : i;
}

/** The levels of `lists` in display order, each with its posts (in creation order). */
export function groupByLevel<L extends Pick<DutyList, 'level' | 'createdAt' | 'id'>>(lists: readonly L[]): { level: string; lists: L[] }[] {
  const byLevel = new Map<string, L[]>();
  for (const l of [...lists].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))) {
    const group = byLevel.get(l.level);
    if (group) group.push(l);
    else byLevel.set(l.level, [l]);
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => levelRank(a) - levelRank(b) || compareChinese(a, b))
    .map(([level, group]) => ({ level, lists: group }));
}

export interface DutyListProblem {
  readonly message: string;
  readonly field?: string;
}

/** Seeding is for a year without lists: it never doubles a year's posts. */
export function seedProblem(existingOfYear: number, year: number): DutyListProblem | null {
  return existingOfYear > 0
    ? { message: `${year}年已有${existingOfYear}个岗位的职责清单，不能再按默认清单生成。如需补充，请用“新增岗位”逐个添加。` }
    : null;
}

/** A post must not appear twice at the same level in one year. */
export function duplicatePostProblem(
  lists: readonly Pick<DutyList, 'id' | 'year' | 'level' | 'post'>[],
  candidate: { readonly id?: string; readonly year: number; readonly level: string; readonly post: string },
): DutyListProblem | null {
  const clash = lists.find((l) => l.id !== candidate.id && l.year === candidate.year && l.level.trim() === candidate.level.trim() && l.post.trim() === candidate.post.trim());
  return clash ? { message: `${candidate.year}年${candidate.level}层级已有“${candidate.post}”岗位，请修改岗位名称或编辑已有岗位。`, field: 'post' } : null;
}

/** Month (1–12) from which the annual self-check is due. */
export const SELF_CHECK_FROM_MONTH = 10;

/** Workbench to-dos: no list for the year of `asOf`; in the fourth quarter, posts with items not self-checked. */
export function dutyListTodos(lists: readonly Pick<DutyList, 'id' | 'year' | 'post' | 'level' | 'items'>[], asOf: IsoDate): TodoItem[] {
  const year = Number(asOf.slice(0, 4));
  const ofYear = lists.filter((l) => l.year === year);
  if (ofYear.length === 0)
    return [
      {
        key: `duties:no-list:${year}`,
        area: 'duties',
        severity: 'medium',
        title: `${year}年三级五岗职责清单尚未建立`,
        detail: `请在“三级五岗”中按默认清单生成${year}年的职责清单，并为每个岗位明确责任人。`,
        due: null,
        link: `/duties?year=${year}`,
      },
    ];
  if (Number(asOf.slice(5, 7)) < SELF_CHECK_FROM_MONTH) return [];
  const out: TodoItem[] = [];
  for (const l of ofYear) {
    const c = postCompleteness(l);
    if (c.checked === c.total) continue;
    out.push({
      key: `duties:self-check:${l.id}`,
      area: 'duties',
      severity: 'low',
      title: `${l.post}的职责事项尚有${c.total - c.checked}项未自查`,
      detail: `${year}年${l.level}“${l.post}”岗位共${c.total}项职责，已自查${c.checked}项。请在年底前逐项填写自查结论（落实/部分落实/未落实）和自查情况。`,
      due: `${year}-12-31`,
      link: `/duties?year=${year}`,
    });
  }
  return out;
}

/** The year's 三级五岗 list in figures, as the annual report states it. */
export interface DutyListFigures {
  readonly year: number;
  /** Posts (岗位) of the year's list. */
  readonly posts: number;
  /** Posts without a named holder (责任人未明确). */
  readonly postsWithoutHolder: number;
  /** Duty items of all posts. */
  readonly items: number;
  /** Items by self-check outcome (落实/部分落实/未落实, 未自查 as `unchecked`). */
  readonly outcomes: Readonly<Record<DutyItemStatus | 'unchecked', number>>;
  readonly completeness: Completeness;
}

/** Figures of the live lists of `year`: posts, items, outcomes and self-check completeness. */
export function dutyListFigures(
  lists: readonly (Pick<DutyList, 'year' | 'holderName' | 'items'> & { readonly deleted?: boolean })[],
  year: number,
): DutyListFigures {
  const ofYear = lists.filter((l) => l.deleted !== true && l.year === year);
  const completeness = overallCompleteness(ofYear);
  return {
    year,
    posts: ofYear.length,
    postsWithoutHolder: ofYear.filter((l) => l.holderName.trim() === '').length,
    items: completeness.total,
    outcomes: statusCounts(ofYear),
    completeness,
  };
}
