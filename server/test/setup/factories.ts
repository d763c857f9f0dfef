import crypto from 'node:crypto';
import type { Role } from '@santong/contract';
import { people, positions, tenants, units, users } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/platform/auth/password.js';
import { trackOfKind } from '../../src/modules/org/units.service.js';
import type { TestApp } from './db.js';
import { DEMO_PASSWORD } from './constants.js';

/**
 * Rows written straight into the test database (no API, no audit), for
 * arranging a test. Every factory takes the tenant (demo tenant by default)
 * and overrides; unique fields get a random suffix.
 */
const uniq = () => crypto.randomBytes(4).toString('hex');

async function tenantOf(t: TestApp, tenantId?: string): Promise<string> {
  if (tenantId) return tenantId;
  const [row] = await t.sql<{ id: string }>("select id from tenants where code = 'demo'");
  if (!row) throw new Error('no demo tenant in this database');
  return row.id;
}

export async function makeTenant(t: TestApp, overrides: Partial<typeof tenants.$inferInsert> = {}) {
  const [row] = await t.db.insert(tenants).values({ code: `t-${uniq()}`, name: `测试租户 ${uniq()}`, ...overrides }).returning();
  return row;
}

export async function makeUnit(t: TestApp, overrides: Partial<typeof units.$inferInsert> = {}) {
  const tenantId = await tenantOf(t, overrides.tenantId);
  const kind = overrides.kind ?? 'department';
  const [row] = await t.db
    .insert(units)
    .values({ code: `U-${uniq()}`, name: `测试单位${uniq()}`, kind, track: trackOfKind(kind), ...overrides, tenantId })
    .returning();
  return row;
}

export async function makePerson(t: TestApp, overrides: Partial<typeof people.$inferInsert> & { positions?: string[] } = {}) {
  const { positions: roles, ...rest } = overrides;
  const tenantId = await tenantOf(t, rest.tenantId);
  const unitId = rest.unitId ?? (await makeUnit(t, { tenantId })).id;
  const [row] = await t.db
    .insert(people)
    .values({ staffNo: `F${uniq()}`, name: `测试${uniq().slice(0, 4)}`, politicalStatus: 'cpc_member', ...rest, unitId, tenantId })
    .returning();
  if (roles?.length) await t.db.insert(positions).values(roles.map((role) => ({ tenantId, personId: row.id, unitId, role })));
  return row;
}

let hashed: Promise<string> | null = null;

/** A user (demo password unless given) with the given roles. */
export async function makeUser(t: TestApp, overrides: Partial<typeof users.$inferInsert> & { password?: string; roles?: Role[] } = {}) {
  const { password, ...rest } = overrides;
  const tenantId = await tenantOf(t, rest.tenantId);
  const passwordHash = password ? await hashPassword(password) : await (hashed ??= hashPassword(DEMO_PASSWORD));
  const [row] = await t.db
    .insert(users)
    .values({ username: `u-${uniq()}`, displayName: `测试用户${uniq().slice(0, 4)}`, roles: ['member'], passwordHash, ...rest, tenantId })
    .returning();
  return row;
}
