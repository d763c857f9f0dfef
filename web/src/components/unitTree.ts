import { partyKinds, type Unit } from '@santong/contract';

export type UnitKind = Unit['kind'];
export type Track = Unit['track'];

export const trackOfKind = (k: UnitKind): Track => ((partyKinds as readonly string[]).includes(k) ? 'party' : 'admin');

export interface UnitNode {
  key: string;
  value: string;
  title: string;
  unit: Unit;
  children?: UnitNode[];
}

const byOrder = (a: Unit, b: Unit) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/**
 * The flat list (with parentId) as a tree. A unit whose parent is not in the
 * list (outside the user's scope) becomes a root.
 */
export function buildUnitTree(units: Unit[], keep: (u: Unit) => boolean = () => true): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const build = (parent: string | null): UnitNode[] =>
    (children.get(parent) ?? [])
      .slice()
      .sort(byOrder)
      .flatMap((u) => {
        const sub = build(u.id);
        if (!keep(u) && sub.length === 0) return [];
        return [{ key: u.id, value: u.id, title: u.name, unit: u, children: sub.length ? sub : undefined }];
      });
  return build(null);
}

/** Pairings in both directions: a party unit's business unit and back. */
export function pairingMap(units: Unit[]): Map<string, Unit> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const pairs = new Map<string, Unit>();
  for (const u of units) {
    const other = u.pairedUnitId ? byId.get(u.pairedUnitId) : undefined;
    if (!other) continue;
    pairs.set(u.id, other);
    if (!pairs.has(other.id)) pairs.set(other.id, u);
  }
  return pairs;
}

/** A unit and all units below it. */
export function subtreeIds(units: Unit[], rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
