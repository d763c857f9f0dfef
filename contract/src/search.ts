import { z } from 'zod';

/** The kinds of record the header search looks through, in the order the results are shown. */
export const searchKinds = ['task', 'document', 'outcome', 'regulation', 'activity', 'research', 'lecture', 'person'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'enter something to search for').max(200, 'at most 200 characters').describe('Chinese or Latin text; substrings match'),
    kinds: z
      .string()
      .max(200)
      .refine((s) => s.split(',').filter(Boolean).every((k) => (searchKinds as readonly string[]).includes(k)), 'unknown kind')
      .optional()
      .describe(`comma-separated subset of ${searchKinds.join(', ')}`),
    limit: z.coerce.number().int().min(1).max(50).default(5).describe('results per kind'),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHit = z
  .object({
    id: z.uuid(),
    kind: z.enum(searchKinds),
    title: z.string(),
    /** a short line under the title: unit, date, document number… */
    subtitle: z.string().nullable(),
    /** the part of the text around the first hit when the title does not contain it */
    snippet: z.string().nullable(),
    /** an app path that opens the record */
    link: z.string(),
    titleHit: z.boolean(),
    date: z.string().nullable(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHit>;

export const searchGroup = z.object({ kind: z.enum(searchKinds), total: z.number().int().describe('matches in all, counted up to 1000'), items: z.array(searchHit) }).meta({ id: 'SearchGroup' });
export type SearchGroup = z.infer<typeof searchGroup>;

export const searchResult = z.object({ q: z.string(), groups: z.array(searchGroup) }).meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResult>;
