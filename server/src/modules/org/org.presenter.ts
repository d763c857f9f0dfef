import type { LeaderDuty, Person, Position, Unit } from '@santong/contract';
import type { UnitRow } from './units.repo.js';

export function presentUnit(u: UnitRow): Unit {
  return {
    id: u.id,
    parentId: u.parentId,
    track: u.track as Unit['track'],
    kind: u.kind as Unit['kind'],
    name: u.name,
    shortName: u.shortName,
    code: u.code,
    pairedUnitId: u.pairedUnitId,
    sortOrder: u.sortOrder,
    version: u.version,
  };
}

export interface PositionRow {
  id: string;
  personId: string;
  personName: string;
  unitId: string;
  unitName: string;
  role: string;
}
export const presentPosition = (p: PositionRow): Position => ({ ...p, role: p.role as Position['role'] });

export interface PersonRow {
  id: string;
  staffNo: string;
  name: string;
  gender: string | null;
  title: string | null;
  politicalStatus: string;
  dualLeader: boolean;
  phone: string | null;
  email: string | null;
  unitId: string;
  unitName: string;
  version: number;
}
export function presentPerson(p: PersonRow, posts: PositionRow[]): Person {
  return {
    ...p,
    gender: p.gender as Person['gender'],
    politicalStatus: p.politicalStatus as Person['politicalStatus'],
    positions: posts.map(presentPosition),
  };
}

export interface DutyRow {
  id: string;
  personId: string;
  personName: string;
  unitId: string;
  unitName: string;
  kind: string;
  note: string | null;
}
export const presentDuty = (d: DutyRow): LeaderDuty => ({ ...d, kind: d.kind as LeaderDuty['kind'] });
