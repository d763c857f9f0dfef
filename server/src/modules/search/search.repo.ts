import { sql, type SQL } from 'drizzle-orm';
import type { SearchKind } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { rowsOf, type Scope } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import type { SearchSource } from './search.sources.js';

export interface HitRow {
  kind: SearchKind;
  id: string;
  title: string;
  body: string;
  subtitle: string | null;
  date: string | null;
  titleHit: boolean;
  /** matches of this kind in all, counted up to TOTAL_CAP */
  total: number;
}

/** Totals are reported up to this many; the UI shows "1000+" beyond. */
export const TOTAL_CAP = 1000;

const likeOf = (term: string) => `%${term.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * A term of Han characters and digits only has no upper or lower case, and
 * no other character lowercases into one of its characters, so a plain LIKE
 * finds exactly what ILIKE finds — without lower-casing every candidate row
 * (a third of the search's database time for a common Chinese term).
 */
const caseless = (term: string) => /^[\p{Script=Han}\p{Nd}]+$/u.test(term);

/** "`text` contains `term`", case-insensitively. */
function containsSql(text: SQL, term: string): SQL {
  return caseless(term) ? sql`${text} like ${likeOf(term)}` : sql`${text} ilike ${likeOf(term)}`;
}

/** Where `term` starts in `text`, case-insensitively (lower() maps character for character, so a caseless term needs none). */
function positionSql(text: SQL, term: string): SQL {
  return caseless(term) ? sql`strpos(${text}, ${term})` : sql`strpos(lower(${text}), ${term})`;
}

/**
 * The best `limit` matches of one kind, ranked on the bare table: the GIN
 * index narrows by grams (`search_grams @> …`), LIKE confirms each term in the
 * title or the body (grams are unordered, so "党课专题" must not match
 * "专题党课"), the kind's data scope applies. Ranking: every term in the
 * title first, then the earlier position of the first term in the title, then
 * the newest. The count of all matches comes from the same scan.
 */
function rankedSql(src: SearchSource, tenantId: string, scope: Scope, q: string, terms: string[], limit: number): SQL {
  const a = sql.raw(src.alias);
  const inTitle = sql.join(terms.map((t) => containsSql(src.title, t)), sql` and `);
  const inAny = sql.join(terms.map((t) => sql`(${containsSql(src.title, t)} or ${containsSql(src.body, t)})`), sql` and `);
  const conds: SQL[] = [sql`${a}.tenant_id = ${tenantId}`, src.scope(scope), gramsMatchSql(sql`${a}.search_grams`, q), inAny];
  if (src.where) conds.push(src.where);
  return sql`
    select ${a}.id, (${inTitle}) as th, coalesce(nullif(${positionSql(src.title, terms[0])}, 0), 1000000) as pos,
      ${src.recency} as rec, count(*) over () as n
    from ${src.table}
    where ${sql.join(conds, sql` and `)}
    order by th desc, pos, rec desc, ${a}.id
    limit ${limit}`;
}

/** One kind's hits with their texts and names, joined for the ranked rows only. */
function kindSql(src: SearchSource, tenantId: string, scope: Scope, q: string, terms: string[], limit: number): SQL {
  const a = sql.raw(src.alias);
  return sql`
    select ${src.kind}::text as kind, ${a}.id, ${src.title} as title, ${src.body} as body, ${src.subtitle} as subtitle, ${src.date} as date,
      r.th as "titleHit", least(r.n, ${TOTAL_CAP})::int as total, r.pos, r.rec
    from (${rankedSql(src, tenantId, scope, q, terms, limit)}) r
    join ${src.table} on ${a}.id = r.id and ${a}.tenant_id = ${tenantId}
    ${src.names}`;
}

/**
 * Every given kind in one statement (one round trip): a UNION ALL of each
 * kind's limited hits, in the sources' order, each kind in rank order.
 */
export function searchSql(sources: SearchSource[], tenantId: string, scope: Scope, q: string, terms: string[], limit: number): SQL {
  const parts = sources.map((src, i) => sql`select ${i}::int as k, h.* from (${kindSql(src, tenantId, scope, q, terms, limit)}) h`);
  return sql`${sql.join(parts, sql` union all `)} order by k, "titleHit" desc, pos, rec desc, id`;
}

export async function searchHits(db: Db, sources: SearchSource[], tenantId: string, scope: Scope, q: string, terms: string[], limit: number): Promise<HitRow[]> {
  if (sources.length === 0) return [];
  const rows = rowsOf<Omit<HitRow, 'titleHit'> & { titleHit: unknown }>(await db.execute(searchSql(sources, tenantId, scope, q, terms, limit)));
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: r.title,
    body: r.body,
    subtitle: r.subtitle,
    date: r.date,
    titleHit: r.titleHit === true || r.titleHit === 't',
    total: Number(r.total),
  }));
}
