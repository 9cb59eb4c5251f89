import { z } from 'zod';

import { entityId, typedLine } from '@loanmesh/contracts';

/** Body of `POST /models/outcomes`: observed outcomes of scored applications. */
export const outcomeLabelsSchema = z.object({
  by: typedLine(128),
  outcomes: z
    .array(z.object({ applicationId: entityId, defaulted: z.boolean() }))
    .min(1)
    .max(10_000),
});
export type OutcomeLabelsDto = z.infer<typeof outcomeLabelsSchema>;
