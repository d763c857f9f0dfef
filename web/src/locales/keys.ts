/**
 * Compile-time checks that every enum of the contract has a label in the
 * message catalogue (a missing key fails `tsc`).
 */
import type { ErrorCode, Permission, Role } from '@santong/contract';
import type { politicalStatuses, positionRoles, unitKinds, dutyKinds, unitTracks } from '@santong/contract';
import type { MessageKey } from './zh-CN';

type Needed =
  | `error.${ErrorCode}`
  | `role.${Role}`
  | `unit.kind.${(typeof unitKinds)[number]}`
  | `unit.track.${(typeof unitTracks)[number]}`
  | `position.role.${(typeof positionRoles)[number]}`
  | `person.political.${(typeof politicalStatuses)[number]}`
  | `duty.kind.${(typeof dutyKinds)[number]}`;

type Missing = Exclude<Needed, MessageKey>;
export const catalogueComplete: [Missing] extends [never] ? true : { missing: Missing } = true;

/** Keys of the enum label families, for typed lookups. */
export const label = {
  role: (r: Role) => `role.${r}` as const,
  unitKind: (k: (typeof unitKinds)[number]) => `unit.kind.${k}` as const,
  track: (k: (typeof unitTracks)[number]) => `unit.track.${k}` as const,
  positionRole: (k: (typeof positionRoles)[number]) => `position.role.${k}` as const,
  political: (k: (typeof politicalStatuses)[number]) => `person.political.${k}` as const,
  dutyKind: (k: (typeof dutyKinds)[number]) => `duty.kind.${k}` as const,
  error: (c: ErrorCode) => `error.${c}` as const,
};
export type { Permission };
