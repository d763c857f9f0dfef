import type { FieldIssue } from '@santong/contract';
import { weightProblems } from './aggregate.js';

/** The tree rules of an indicator system, as pure functions over flat rows. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  weight: number;
  sortOrder: number;
}

export interface Placed<T> {
  node: T;
  level: number;
  isLeaf: boolean;
  path: string[];
}

/** Depth-first order (siblings by sortOrder, then name) with each node's level (1 = top) and name path. */
export function placeTree<T extends TreeNode>(nodes: readonly T[]): Placed<T>[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const p = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    children.set(p, [...(children.get(p) ?? []), n]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  const out: Placed<T>[] = [];
  const walk = (parent: string | null, level: number, path: string[]) => {
    for (const n of children.get(parent) ?? []) {
      const p = [...path, n.name];
      out.push({ node: n, level, isLeaf: !children.has(n.id), path: p });
      walk(n.id, level + 1, p);
    }
  };
  walk(null, 1, []);
  return out;
}

/** Ids of a node and everything under it. */
export function subtreeIds(nodes: readonly TreeNode[], rootId: string): string[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const n of nodes) if (n.parentId === out[i]) out.push(n.id);
  return out;
}

export interface LevelProblem {
  parentId: string | null;
  parentName: string | null;
  level: number;
  sum: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The levels whose sibling weights do not sum to 100, with the parent's name and the level of the siblings. */
export function levelProblems(nodes: readonly TreeNode[]): LevelProblem[] {
  const placed = new Map(placeTree(nodes).map((p) => [p.node.id, p]));
  return weightProblems(nodes).map((parentId) => {
    const parent = parentId ? placed.get(parentId) : undefined;
    const sum = nodes.filter((n) => n.parentId === parentId).reduce((s, n) => s + n.weight, 0);
    return { parentId, parentName: parent?.node.name ?? null, level: parent ? parent.level + 1 : 1, sum: round(sum) };
  });
}

/** 400 issues naming each level: `indicators.<parentId|root>.weight`. */
export function levelIssues(problems: readonly LevelProblem[]): FieldIssue[] {
  return problems.map((p) => ({
    path: `indicators.${p.parentId ?? 'root'}.weight`,
    message: p.parentName
      ? `level ${p.level} under “${p.parentName}”: weights sum to ${p.sum}, not 100`
      : `level 1 (top): weights sum to ${p.sum}, not 100`,
  }));
}
