/** The organisation tree as antd's TreeSelect takes it (dissolved organisations left out), for every form that picks an organisation. */
import type { Organisation } from '../../../shared/model/organisation';
import { ORGANISATION_KIND_LABELS } from '../../../shared/model/vocabulary';
import { treeOrder } from '../../../shared/rules/organisations/organisationTree';

export function organisationTreeSelectData(organisations: readonly Organisation[]) {
  const nodes = new Map<string, { title: string; value: string; children: unknown[] }>();
  const roots: unknown[] = [];
  for (const { node } of treeOrder(organisations.filter((o) => !o.dissolvedOn))) {
    const entry = { title: `${node.name}（${ORGANISATION_KIND_LABELS[node.kind]}）`, value: node.id, children: [] as unknown[] };
    nodes.set(node.id, entry);
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(entry);
  }
  return roots;
}
