import { z } from 'zod';

export const id = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

/** Strings from forms: trimmed, bounded, never empty when required. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullish();
export const isoDate = z.iso.date();

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    // Services look the field up in a plain object: 'toString', 'constructor'… would find Object.prototype.
    .refine((s) => !(s.replace(/^-/, '') in Object.prototype), 'unknown sort field')
    .optional()
    .describe('field name; prefix with - for descending'),
};

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const okBody = z.object({ ok: z.literal(true) });

export const attachment = z
  .object({
    id: z.uuid(),
    entity: z.string(),
    entityId: z.uuid(),
    name: z.string(),
    purpose: z.string().nullable(),
    size: z.number().int(),
    mime: z.string(),
    sha256: z.string(),
    createdAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachment>;
