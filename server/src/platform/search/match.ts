import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryGrams } from './grams.js';

/** A text[] parameter both drivers accept: a PostgreSQL array literal with every element quoted. */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

/**
 * "The record's search grams contain every gram of the query". A query
 * without letters or digits matches everything (it filters nothing).
 */
export function gramsMatchSql(gramsCol: AnyColumn | SQL, q: string | null | undefined): SQL {
  const g = queryGrams(q);
  if (g.length === 0) return sql`true`;
  return sql`${gramsCol} @> ${textArray(g)}`;
}
