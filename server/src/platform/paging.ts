import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf, uuidArray } from '../access/scope.js';

/**
 * Streams every row of a filtered, sorted list in batches without OFFSET
 * (which re-reads all earlier rows for each page, quadratic over an export).
 * The ids are read once in list order — the planner drops the unused
 * select-list columns of the subquery, so this is one cheap pass — then the
 * full rows are fetched by id a batch at a time and put back in that order.
 *
 * `select` is the list's "select … from … joins" text, `idColumn` the
 * qualified id of its main table (e.g. sql`t.id`); the select must expose it as "id".
 */
export async function* inListOrder<T extends { id: string }>(
  db: Db,
  q: { select: SQL; where: SQL; order: SQL; idColumn: SQL },
  batch = 1000,
): AsyncGenerator<T[]> {
  const ids = rowsOf<{ id: string }>(await db.execute(sql`select q.id from (${q.select} where ${q.where} order by ${q.order}) q`)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batch) {
    const chunk = ids.slice(i, i + batch);
    const rows = rowsOf<T>(await db.execute(sql`${q.select} where ${q.where} and ${q.idColumn} = any(${uuidArray(chunk)})`));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // a row deleted since the ids were read is skipped
    const ordered = chunk.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
    if (ordered.length) yield ordered;
  }
}
