import { describe, expect, it } from 'vitest';
import { levelIssues, levelProblems, placeTree, subtreeIds } from './indicators.tree.js';

const n = (id: string, parentId: string | null, weight: number, sortOrder = 0) => ({ id, parentId, name: id.toUpperCase(), weight, sortOrder });
// a (60) ─ a1 (50) ─ a1x (70) · a1y (20)     → level 3 under A1 sums to 90
//        └ a2 (50)
// b (30)                                       → top level sums to 90
const tree = [n('b', null, 30, 2), n('a', null, 60, 1), n('a1', 'a', 50), n('a2', 'a', 50, 1), n('a1x', 'a1', 70), n('a1y', 'a1', 20, 1)];

describe('indicator tree rules', () => {
  it('places nodes depth-first by sort order, with levels, leaves and name paths', () => {
    expect(placeTree(tree).map((p) => `${p.level}${p.isLeaf ? '*' : ''}:${p.node.id}`)).toEqual(['1:a', '2:a1', '3*:a1x', '3*:a1y', '2*:a2', '1*:b']);
    expect(placeTree(tree).find((p) => p.node.id === 'a1y')!.path).toEqual(['A', 'A1', 'A1Y']);
  });

  it('finds a subtree', () => {
    expect(subtreeIds(tree, 'a').sort()).toEqual(['a', 'a1', 'a1x', 'a1y', 'a2']);
  });

  it('names each level whose sibling weights do not sum to 100', () => {
    const problems = levelProblems(tree);
    expect(problems).toEqual(expect.arrayContaining([
      { parentId: null, parentName: null, level: 1, sum: 90 },
      { parentId: 'a1', parentName: 'A1', level: 3, sum: 90 },
    ]));
    expect(problems).toHaveLength(2);
    expect(levelIssues(problems).map((i) => i.path).sort()).toEqual(['indicators.a1.weight', 'indicators.root.weight']);
    expect(levelProblems([n('a', null, 33.3), n('b', null, 33.3), n('c', null, 33.4)])).toEqual([]);
  });
});
