import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import { boundedList, entityId, int4, isoDate, lineText } from '../envelope/safe-primitives';

/**
 * A live loan whose borrower is within 2 hops (guarantee, ownership, shared phone or address)
 * of a company that just defaulted. `alertId` is stable across redeliveries (consumers dedupe on it).
 */
export const earlyWarningSchema = eventSchema(
  'graph.early-warning',
  1,
  z.object({
    /** `<triggerCompanyId>:<defaultedAt>:<loanId>`. */
    alertId: lineText(200),
    trigger: z.literal('NEIGHBOUR_DEFAULTED'),
    triggerCompanyId: entityId,
    defaultedAt: isoDate,
    loanId: entityId,
    companyId: entityId,
    hops: int4(1, 2),
    /** Node ids from the defaulted company to the borrower, and the relationship types between them. */
    path: boundedList(lineText(1000), 10).min(2),
    relationships: boundedList(lineText(64), 10).min(1),
  }),
);
export type EarlyWarningEvent = z.infer<typeof earlyWarningSchema>;
export const earlyWarningRegistry: SchemaRegistry = { 'graph.early-warning': { 1: earlyWarningSchema } };
