import type { Db } from '../../server/src/db/client.js';
import type { Random } from './random.js';
import type { ScaleSpec } from './scale.js';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  short: string;
  kind: string;
  track: 'party' | 'admin';
  parentId: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
  unitId: string;
}

export interface TaskRef {
  id: string;
  title: string;
  ownerUnitId: string;
  startDate: string;
  dueDate: string;
  status: string;
  progress: number;
  goalIds: string[];
  coUnitIds: string[];
}

/**
 * What one tenant's generators have created so far: each table's generator
 * reads the refs of the tables before it and adds its own.
 */
export interface TenantRefs {
  db: Db;
  spec: ScaleSpec;
  index: number;
  code: string;
  tenantId: string;
  r: Random;
  passwordHash: string;
  /** the day "today" is in the generated story; dates are fixed so runs compare */
  today: string;
  units: UnitRef[];
  people: PersonRef[];
  /** the school leaders (person ids), index 0 is the party secretary */
  leaders: string[];
  /** person ids behind the bench users: office, leader, unithead, liaison, inspector, member */
  keyed: Map<string, string>;
  /** username → user id */
  users: Map<string, { id: string; name: string }>;
  goals: { id: string; track: 'party' | 'business' }[];
  campaigns: { id: string; startDate: string; endDate: string }[];
  tasks: TaskRef[];
}
