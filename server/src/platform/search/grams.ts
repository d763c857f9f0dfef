/**
 * Chinese-friendly search without a tokenizer: a text is indexed by its 1- and
 * 2-character grams (stored in a text[] `search_grams` column); a query
 * matches when the record's grams contain all of the query's grams.
 * Punctuation and spaces split runs; no gram spans two runs.
 */

/** Runs of letters and digits, normalised (full-width → half-width, lower case). */
function runs(text: string): string[][] {
  const normal = text.normalize('NFKC').toLowerCase();
  return (normal.match(/[\p{L}\p{N}]+/gu) ?? []).map((r) => [...r]);
}

/** The distinct 1- and 2-character grams of the given texts (null and undefined skipped), sorted. */
export function grams(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const chars of runs(text)) {
      for (let i = 0; i < chars.length; i++) {
        out.add(chars[i]);
        if (i + 1 < chars.length) out.add(chars[i] + chars[i + 1]);
      }
    }
  }
  return [...out].sort();
}

/**
 * The grams a query must find: its 2-grams (which imply the 1-grams), or the
 * single characters of runs of length one. Empty when the query has no letters or digits.
 */
export function queryGrams(q: string | null | undefined): string[] {
  if (!q) return [];
  const out = new Set<string>();
  for (const chars of runs(q)) {
    if (chars.length === 1) out.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return [...out].sort();
}
