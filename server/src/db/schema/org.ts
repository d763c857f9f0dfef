import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    parentId: uuid('parent_id'),
    track: text('track').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    code: text('code').notNull(),
    pairedUnitId: uuid('paired_unit_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_tenant_code_uq').on(t.tenantId, t.code),
    index('units_tenant_parent_idx').on(t.tenantId, t.parentId),
    index('units_tenant_paired_idx').on(t.tenantId, t.pairedUnitId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    staffNo: text('staff_no').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    title: text('title'),
    politicalStatus: text('political_status').notNull(),
    dualLeader: boolean('dual_leader').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    unitId: uuid('unit_id').notNull(),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_tenant_staff_no_uq').on(t.tenantId, t.staffNo),
    index('people_grams_gin').using('gin', t.searchGrams),
    index('people_tenant_unit_idx').on(t.tenantId, t.unitId),
    index('people_tenant_name_idx').on(t.tenantId, t.name),
  ],
);

export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    role: text('role').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('positions_tenant_person_unit_role_uq').on(t.tenantId, t.personId, t.unitId, t.role),
    index('positions_tenant_unit_idx').on(t.tenantId, t.unitId),
  ],
);

/** 一岗双责: a leader is in charge of (分管) or linked to (联系) a unit. */
export const leaderDuties = pgTable(
  'leader_duties',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leader_duties_tenant_person_unit_kind_uq').on(t.tenantId, t.personId, t.unitId, t.kind),
    index('leader_duties_tenant_unit_idx').on(t.tenantId, t.unitId),
  ],
);
