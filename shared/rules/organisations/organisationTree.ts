/**
 * The shape of a unit's organisation tree: which kind may sit under which, and moves that would
 * make a cycle. 党组/党委 (leadingGroup) is the unit's leadership body; 机关党委 and the base-level
 * organisations sit under it or at the top; 党小组 only inside a 党支部.
 */
import type { OrganisationKind } from '../../model/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../model/vocabulary';
import { compareNames } from '../naturalOrder';

export const ALLOWED_PARENTS: Record<OrganisationKind, readonly (OrganisationKind | null)[]> = {
  leadingGroup: [null],
  organCommittee: [null, 'leadingGroup'],
  disciplineCommittee: [null, 'organCommittee'],
  generalBranch: [null, 'leadingGroup', 'organCommittee'],
  branch: [null, 'leadingGroup', 'organCommittee', 'generalBranch'],
  group: ['branch'],
};

export interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: OrganisationKind;
}

/** Why `kind` cannot sit under `parentKind`, or null when it can. */
export function placementProblem(kind: OrganisationKind, parentKind: OrganisationKind | null): string | null {
  if (ALLOWED_PARENTS[kind].includes(parentKind)) return null;
  const label = ORGANISATION_KIND_LABELS[kind];
  if (parentKind === null) return `${label}必须设在上级党组织之下，请选择上级党组织`;
  const allowed = ALLOWED_PARENTS[kind].map((k) => (k === null ? '最上级' : ORGANISATION_KIND_LABELS[k])).join('、');
  return `${label}不能设在${ORGANISATION_KIND_LABELS[parentKind]}之下（可设在：${allowed}）`;
}

/** True when moving `id` under `newParentId` would put it inside its own subtree. */
export function wouldCreateCycle(nodes: readonly TreeNode[], id: string, newParentId: string | null): boolean {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let cursor = newParentId;
  const seen = new Set<string>();
  while (cursor !== null) {
    if (cursor === id) return true;
    if (seen.has(cursor)) return true; // a cycle already exists: refuse to build on it
    seen.add(cursor);
    cursor = byId.get(cursor)?.parentId ?? null;
  }
  return false;
}

/** Depth-first order (parents before children, siblings by name) for trees and reports. */
export function treeOrder<T extends TreeNode & { readonly name: string }>(nodes: readonly T[]): { node: T; depth: number }[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const key = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    const list = children.get(key) ?? [];
    list.push(n);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => compareNames(a.name, b.name));
  const out: { node: T; depth: number }[] = [];
  const visit = (parent: string | null, depth: number, seen: Set<string>) => {
    for (const n of children.get(parent) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push({ node: n, depth });
      visit(n.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return out;
}
