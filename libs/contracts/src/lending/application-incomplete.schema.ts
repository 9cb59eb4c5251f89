import { z } from 'zod';

import { partyRef } from '../core-banking/common.schema';
import { applicationTermsSchema } from '../domain/feature-input.schema';
import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import { boundedList, isoInstant, lineText } from '../envelope/safe-primitives';

/**
 * Why an application could never be completed for scoring. Adding a reason is a new value
 * here; consumers map every value exhaustively, so the compiler lists what needs handling.
 */
export const ApplicationIncompleteReasons = {
  /** The application's company was never registered by core banking within the wait. */
  missingCompanyData: 'MISSING_COMPANY_DATA',
} as const;
export type ApplicationIncompleteReason =
  (typeof ApplicationIncompleteReasons)[keyof typeof ApplicationIncompleteReasons];

const reasonValues = Object.values(ApplicationIncompleteReasons) as [
  ApplicationIncompleteReason,
  ...ApplicationIncompleteReason[],
];

/**
 * An application ingestion stopped waiting for (topic `lending.application-incomplete.v1`,
 * keyed by company): its terms as received, what was missing, and when it was parked and
 * expired. It is never scored; a human has to decide it.
 */
export const applicationIncompleteSchema = eventSchema(
  'application.incomplete',
  1,
  z.object({
    application: applicationTermsSchema,
    guarantors: boundedList(partyRef, 10),
    reason: z.enum(reasonValues),
    /** What never arrived, as `<kind>:<id>`, e.g. `company:CO-000943`. */
    missing: boundedList(lineText(200), 10).min(1),
    parkedAt: isoInstant,
    expiredAt: isoInstant,
  }),
);
export type ApplicationIncompleteEvent = z.infer<typeof applicationIncompleteSchema>;
export const applicationIncompleteRegistry: SchemaRegistry = {
  'application.incomplete': { 1: applicationIncompleteSchema },
};
