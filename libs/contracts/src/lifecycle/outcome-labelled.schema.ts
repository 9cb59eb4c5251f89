import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import { entityId, isoInstant, lineText } from '../envelope/safe-primitives';

/** The matured outcome of a loan LoanMesh decided: repaid in full, or defaulted. */
export const LoanOutcomes = ['REPAID', 'DEFAULTED'] as const;
export type LoanOutcome = (typeof LoanOutcomes)[number];

/**
 * An outcome label review recorded (topic `review.outcome-labelled.v1`, keyed by application):
 * from core banking's loan events or typed by a risk manager. Consumers keep one label per
 * application, so a replay or a redelivery never counts an outcome twice.
 */
export const outcomeLabelledSchema = eventSchema(
  'outcome.labelled',
  1,
  z.object({
    applicationId: entityId,
    outcome: z.enum(LoanOutcomes),
    /** Who recorded it: `core-banking` for loan events, else the risk manager's username. */
    labelledBy: lineText(128),
    labelledAt: isoInstant,
    /** The model version that decided the application, as review recorded it ('' when unknown). */
    modelVersion: lineText(128, 0),
  }),
);
export type OutcomeLabelledEvent = z.infer<typeof outcomeLabelledSchema>;
export const outcomeLabelledRegistry: SchemaRegistry = { 'outcome.labelled': { 1: outcomeLabelledSchema } };
