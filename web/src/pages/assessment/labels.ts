import type { SchemeStatus } from '@santong/contract';

export const statusColor: Record<SchemeStatus, string> = { draft: 'default', self_assessment: 'gold', rating: 'processing', closed: 'purple', published: 'success' };
export const trackColor: Record<string, string> = { party: 'red', business: 'blue', featured: 'green' };
/** The next status each status may move to from this page (compute and publish live on the results pages). */
export const nextStatus: Partial<Record<SchemeStatus, ('self_assessment' | 'rating' | 'closed')[]>> = { draft: ['self_assessment', 'rating'], self_assessment: ['rating'], rating: ['closed'] };
