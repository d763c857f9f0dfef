import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { notificationPreferences } from '../../db/schema/index.js';

export interface PrefRow {
  kind: string;
  email: boolean;
  webhook: boolean;
}

export async function listPrefs(db: Db, tenantId: string, userId: string): Promise<PrefRow[]> {
  return rowsOf<PrefRow>(await db.execute(sql`select kind, email, webhook from notification_preferences where tenant_id = ${tenantId} and user_id = ${userId} order by kind`));
}

/** Where the user's email goes: the account's address, else the person's. */
export async function emailAddressOf(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const [row] = rowsOf<{ address: string | null }>(
    await db.execute(sql`
      select coalesce(nullif(u.email, ''), nullif(p.email, '')) as address
      from users u left join people p on p.id = u.person_id and p.tenant_id = u.tenant_id
      where u.tenant_id = ${tenantId} and u.id = ${userId}`),
  );
  return row?.address ?? null;
}

export async function upsertPrefs(db: Db, tenantId: string, userId: string, items: PrefRow[]): Promise<void> {
  if (items.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(items.map((i) => ({ tenantId, userId, kind: i.kind, email: i.email, webhook: i.webhook })))
    .onConflictDoUpdate({
      target: [notificationPreferences.tenantId, notificationPreferences.userId, notificationPreferences.kind],
      set: { email: sql`excluded.email`, webhook: sql`excluded.webhook`, updatedAt: sql`now()` },
    });
}
