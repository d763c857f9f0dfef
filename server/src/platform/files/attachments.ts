import type { Db } from '../../db/client.js';
import type { RequestContext } from '../context.js';

/**
 * Each feature that owns attachments registers how to check access to its
 * records; the generic file routes ask it before any upload or download.
 * Answer 'missing' for records that do not exist or must not be revealed.
 */
export type AccessCheck = (db: Db, ctx: RequestContext, entityId: string, mode: 'read' | 'write') => Promise<'ok' | 'missing' | 'denied'>;

const owners = new Map<string, AccessCheck>();

export function registerAttachmentOwner(entity: string, check: AccessCheck) {
  owners.set(entity, check);
}

export function attachmentOwner(entity: string): AccessCheck | undefined {
  return owners.get(entity);
}

export function attachmentEntities(): string[] {
  return [...owners.keys()];
}
