import { hasPermission, searchKinds, type SearchHit, type SearchKind, type SearchQuery, type SearchResult } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { searchSources } from './search.sources.js';
import { searchHits, type HitRow } from './search.repo.js';

/** The query's runs of letters and digits, normalised like the grams (full-width → half-width, lower case). */
export function searchTerms(q: string): string[] {
  return [...new Set(q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
}

/** Up to ~60 characters of `body` around the first term, when the title did not carry every term. */
export function snippetOf(body: string, terms: string[]): string | null {
  const lower = body.toLowerCase();
  const at = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0).sort((x, y) => x - y)[0];
  if (at === undefined) return null;
  const start = Math.max(0, at - 20);
  const text = body.slice(start, start + 60).trim();
  return (start > 0 ? '…' : '') + text + (start + 60 < body.length ? '…' : '');
}

function present(kind: SearchKind, r: HitRow, terms: string[], link: string): SearchHit {
  return { id: r.id, kind, title: r.title, subtitle: r.subtitle || null, snippet: r.titleHit ? null : snippetOf(r.body, terms), link, titleHit: r.titleHit, date: r.date };
}

/**
 * Searches every kind the caller may read, each within the caller's data
 * scope, in one statement, and returns the groups that have hits in the
 * fixed kind order.
 */
export async function search(db: Db, ctx: RequestContext, query: SearchQuery): Promise<SearchResult> {
  const q = query.q.trim();
  const terms = searchTerms(q);
  if (terms.length === 0) throw invalid('querystring.q', 'enter letters or digits to search for');
  const wanted = query.kinds ? new Set(query.kinds.split(',').filter(Boolean)) : new Set<string>(searchKinds);
  const sources = searchSources.filter((src) => wanted.has(src.kind) && hasPermission(ctx.roles, src.permission));
  const rows = await searchHits(db, sources, ctx.tenantId, ctx.scope, q, terms, query.limit);
  const groups: SearchResult['groups'] = [];
  for (const src of sources) {
    const hits = rows.filter((r) => r.kind === src.kind);
    if (hits.length) groups.push({ kind: src.kind, total: hits[0].total, items: hits.map((r) => present(src.kind, r, terms, src.link(r.id, q))) });
  }
  return { q, groups };
}
