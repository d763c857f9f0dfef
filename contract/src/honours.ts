import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/**
 * 两优一先 (S7): a round has a quota of places per category; units nominate,
 * the office reviews, the approved list is publicised (公示), then awarded.
 *
 * The quota counts places: at most `quota` live nominations (not rejected) per
 * category, and at most `quota` approved or awarded ones. Both are checked
 * with the round row locked, so concurrent nominations or approvals cannot
 * exceed it.
 */
export const honourCategories = ['outstanding_member', 'outstanding_worker', 'advanced_organisation'] as const;
export const honourCategory = z.enum(honourCategories);
export type HonourCategory = z.infer<typeof honourCategory>;
/** Person categories nominate people; the organisation category nominates party organisations. */
export const personHonourCategories: readonly HonourCategory[] = ['outstanding_member', 'outstanding_worker'];

export const honourRoundStatuses = ['nominating', 'reviewing', 'publicity', 'closed'] as const;
export const honourRoundStatus = z.enum(honourRoundStatuses);
export type HonourRoundStatus = z.infer<typeof honourRoundStatus>;

export const honourNominationStatuses = ['nominated', 'approved', 'rejected', 'awarded', 'not_awarded'] as const;
export const honourNominationStatus = z.enum(honourNominationStatuses);
export type HonourNominationStatus = z.infer<typeof honourNominationStatus>;

const quota = z.number().int().min(0).max(1000);
export const honourQuotas = z.object({ outstanding_member: quota, outstanding_worker: quota, advanced_organisation: quota }).strict();
export type HonourQuotas = z.infer<typeof honourQuotas>;

const categoryCount = z.object({
  /** live nominations: nominated, approved or awarded */
  nominated: z.number().int(),
  /** places taken: approved or awarded */
  approved: z.number().int(),
  awarded: z.number().int(),
});

export const honourRound = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    status: honourRoundStatus,
    publicityStart: isoDate.nullable(),
    publicityEnd: isoDate.nullable(),
    quotas: honourQuotas,
    counts: z.object({ outstanding_member: categoryCount, outstanding_worker: categoryCount, advanced_organisation: categoryCount }),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'HonourRound' });
export type HonourRound = z.infer<typeof honourRound>;

export const honourRoundCreate = z.object({ year: z.number().int().min(2000).max(2100), title: text(200), quotas: honourQuotas }).strict();
export const honourRoundUpdate = z.object({ title: text(200).optional(), quotas: honourQuotas.optional(), version: z.number().int() }).strict();
export const honourPublicityOpen = z.object({ publicityStart: isoDate, publicityEnd: isoDate }).strict();

export const honourRoundListQuery = z
  .object({ ...pageQuery, year: z.coerce.number().int().min(2000).max(2100).optional(), status: honourRoundStatus.optional() })
  .strict();
export const honourRoundList = listOf(honourRound);

export const honourNomination = z
  .object({
    id: z.uuid(),
    roundId: z.uuid(),
    category: honourCategory,
    nomineePersonId: z.uuid().nullable(),
    nomineeUnitId: z.uuid().nullable(),
    /** the person's or the organisation's name */
    nomineeName: z.string(),
    /** a person's title and unit; null for an organisation */
    nomineeTitle: z.string().nullable(),
    nomineePersonUnitName: z.string().nullable(),
    nominatingUnitId: z.uuid(),
    nominatingUnitName: z.string(),
    reason: z.string(),
    status: honourNominationStatus,
    reviewNote: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'HonourNomination' });
export type HonourNomination = z.infer<typeof honourNomination>;

/** A person for the person categories, an organisation for the organisation category; the nominating unit defaults to the nominee's unit. */
export const honourNominationCreate = z
  .object({
    category: honourCategory,
    nomineePersonId: z.uuid().nullish(),
    nomineeUnitId: z.uuid().nullish(),
    nominatingUnitId: z.uuid().nullish(),
    reason: text(2000),
  })
  .strict();
export type HonourNominationCreate = z.infer<typeof honourNominationCreate>;

export const honourNominationReview = z.object({ decision: z.enum(['approve', 'reject']), note: optionalText(1000) }).strict();
export const honourNominationAward = z.object({ decision: z.enum(['award', 'not_award']), note: optionalText(1000) }).strict();

const nominationFilter = {
  category: honourCategory.optional(),
  status: honourNominationStatus.optional(),
  nominatingUnitId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
};
export const honourNominationListQuery = z.object({ ...pageQuery, pageSize: pageQuery.pageSize.default(100), ...nominationFilter }).strict();
export const honourNominationExportQuery = honourNominationListQuery.omit({ page: true, pageSize: true });
export const honourNominationList = listOf(honourNomination);
