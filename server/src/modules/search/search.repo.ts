import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, type Scope } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import type { SearchSource } from './search.sources.js';

export interface HitRow {
  id: string;
  title: string;
  body: string;
  subtitle: string | null;
  date: string | null;
  titleHit: boolean;
}

/** Totals are counted up to this many; the UI shows "1000+" beyond. */
export const TOTAL_CAP = 1000;

const likeOf = (term: string) => `%${term.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * The rows of one kind that match: the GIN index narrows by grams
 * (`search_grams @> …`), then LIKE confirms each term in the title or the
 * body (grams are unordered, so "党课专题" must not match "专题党课").
 */
function matchedSql(src: SearchSource, tenantId: string, scope: Scope, q: string, terms: string[]): SQL {
  const a = sql.raw(src.alias);
  const conds: SQL[] = [sql`${a}.tenant_id = ${tenantId}`, src.scope(scope), gramsMatchSql(sql`${a}.search_grams`, q)];
  if (src.where) conds.push(src.where);
  const inAny = sql.join(terms.map((t) => sql`(x.title ilike ${likeOf(t)} or x.body ilike ${likeOf(t)})`), sql` and `);
  return sql`
    select x.* from (
      select ${a}.id, ${src.title} as title, ${src.body} as body, ${src.subtitle} as subtitle, ${src.date} as date, ${src.recency} as recency
      from ${src.from}
      where ${sql.join(conds, sql` and `)}
    ) x
    where ${inAny}`;
}

/** Ranked hits: every term in the title first, then the earlier position of the first term in the title, then the newest. */
export function searchKindSql(src: SearchSource, tenantId: string, scope: Scope, q: string, terms: string[], limit: number): SQL {
  const inTitle = sql.join(terms.map((t) => sql`m.title ilike ${likeOf(t)}`), sql` and `);
  return sql`
    select m.id, m.title, m.body, m.subtitle, m.date, (${inTitle}) as "titleHit"
    from (${matchedSql(src, tenantId, scope, q, terms)}) m
    order by (${inTitle}) desc, coalesce(nullif(strpos(lower(m.title), ${terms[0]}), 0), 1000000), m.recency desc, m.id
    limit ${limit}`;
}

/** How many match, counted up to TOTAL_CAP so that a one-character query over 100k rows stays cheap. */
export function countKindSql(src: SearchSource, tenantId: string, scope: Scope, q: string, terms: string[]): SQL {
  return sql`select count(*)::int as n from (select 1 from (${matchedSql(src, tenantId, scope, q, terms)}) m limit ${TOTAL_CAP}) c`;
}

export async function searchKind(db: Db, src: SearchSource, tenantId: string, scope: Scope, q: string, terms: string[], limit: number): Promise<{ rows: HitRow[]; total: number }> {
  const rows = rowsOf<HitRow>(await db.execute(searchKindSql(src, tenantId, scope, q, terms, limit))).map((r) => ({ ...r, titleHit: r.titleHit === true || (r.titleHit as unknown) === 't' }));
  if (rows.length < limit) return { rows, total: rows.length };
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(countKindSql(src, tenantId, scope, q, terms)));
  return { rows, total: Number(n) };
}
