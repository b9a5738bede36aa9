import { describe, expect, it } from 'vitest';
import { placementProblem, treeOrder, wouldCreateCycle, type TreeNode } from './organisationTree';

describe('organisation tree', () => {
  it.each([
    ['branch', 'generalBranch', null],
    ['group', 'branch', null],
    ['branch', null, null],
    ['group', null, '党小组必须设在上级党组织之下，请选择上级党组织'],
    ['group', 'generalBranch', '党小组不能设在党总支之下（可设在：党支部）'],
    ['generalBranch', 'branch', '党总支不能设在党支部之下（可设在：最上级、党组(党委)、机关党委）'],
    ['leadingGroup', 'organCommittee', '党组(党委)不能设在机关党委之下（可设在：最上级）'],
  ] as const)('%s under %s → %s', (kind, parent, problem) => {
    expect(placementProblem(kind, parent)).toBe(problem);
  });

  const nodes: TreeNode[] = [
    { id: 'oc', parentId: null, kind: 'organCommittee' },
    { id: 'gb', parentId: 'oc', kind: 'generalBranch' },
    { id: 'b1', parentId: 'gb', kind: 'branch' },
    { id: 'g1', parentId: 'b1', kind: 'group' },
  ];

  it('refuses to move an organisation under itself or under its descendants', () => {
    expect(wouldCreateCycle(nodes, 'gb', 'gb')).toBe(true);
    expect(wouldCreateCycle(nodes, 'gb', 'g1')).toBe(true);
    expect(wouldCreateCycle(nodes, 'b1', 'oc')).toBe(false);
    expect(wouldCreateCycle(nodes, 'b1', null)).toBe(false);
  });

  it('orders parents before children and siblings by name', () => {
    const named = [
      { id: 'b2', parentId: 'oc', kind: 'branch' as const, name: '第二党支部' },
      { id: 'b1', parentId: 'oc', kind: 'branch' as const, name: '第一党支部' },
      { id: 'oc', parentId: null, kind: 'organCommittee' as const, name: '机关党委' },
      { id: 'g', parentId: 'b2', kind: 'group' as const, name: '第一党小组' },
    ];
    expect(treeOrder(named).map((e) => `${e.depth}:${e.node.id}`)).toEqual(['0:oc', '1:b1', '1:b2', '2:g']);
  });
});

describe('natural order of names', () => {
  it('reads Chinese and Arabic numerals as numbers', async () => {
    const { compareNames } = await import('../naturalOrder');
    const names = ['第十一党支部', '第二党支部', '第十党支部', '第一党支部', '机关党委', '3号楼党小组', '12号楼党小组'];
    expect([...names].sort(compareNames)).toEqual(['12号楼党小组', '3号楼党小组', '机关党委', '第一党支部', '第二党支部', '第十党支部', '第十一党支部'].sort(compareNames));
    expect(['第十一党支部', '第二党支部', '第十党支部', '第一党支部'].sort(compareNames)).toEqual(['第一党支部', '第二党支部', '第十党支部', '第十一党支部']);
    expect(['12号楼', '3号楼'].sort(compareNames)).toEqual(['3号楼', '12号楼']);
  });
});
