import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/src/db/client.js';

export const BATCH_ROWS = 1000;

/**
 * One multi-row INSERT per batch, COPY-like: the rows travel as a single JSON
 * parameter expanded by json_populate_recordset, so 1000 rows cost one bind
 * instead of tens of thousands. Column names and value encoding come from the
 * product's Drizzle table; columns a row leaves out get their SQL defaults.
 */
async function insertJson<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const payload = rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const [key, col] of columns) {
      const v = (r as Record<string, unknown>)[key];
      o[col.name] = v === undefined || v === null ? null : col.mapToDriverValue(v);
    }
    return o;
  });
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const name = sql.identifier(getTableName(table));
  await db.execute(sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${JSON.stringify(payload)}::json)`);
}

/**
 * Writes rows in batches of 1000; rows may come from a generator so big
 * tables never sit in memory. Returns the number of rows written.
 */
export async function insertBatched<T extends PgTable>(db: Db, table: T, rows: Iterable<T['$inferInsert']>, batchRows = BATCH_ROWS): Promise<number> {
  let batch: T['$inferInsert'][] = [];
  let n = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await insertJson(db, table, batch);
    n += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  return n;
}
