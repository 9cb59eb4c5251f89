import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';

/**
 * A live loan whose borrower is within 2 hops (guarantee, ownership, shared phone or address)
 * of a company that just defaulted. `alertId` is stable across redeliveries (consumers dedupe on it).
 */
export const earlyWarningSchema = eventSchema(
  'graph.early-warning',
  1,
  z.object({
    alertId: z.string().min(1),
    trigger: z.literal('NEIGHBOUR_DEFAULTED'),
    triggerCompanyId: z.string().min(1),
    defaultedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    loanId: z.string().min(1),
    companyId: z.string().min(1),
    hops: z.number().int().min(1).max(2),
    /** Node ids from the defaulted company to the borrower, and the relationship types between them. */
    path: z.array(z.string()).min(2),
    relationships: z.array(z.string()).min(1),
  }),
);
export type EarlyWarningEvent = z.infer<typeof earlyWarningSchema>;
export const earlyWarningRegistry: SchemaRegistry = { 'graph.early-warning': { 1: earlyWarningSchema } };
