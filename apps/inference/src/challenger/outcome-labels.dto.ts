import { z } from 'zod';

/** Body of `POST /models/outcomes`: observed outcomes of scored applications. */
export const outcomeLabelsSchema = z.object({
  by: z.string().trim().min(1).max(128),
  outcomes: z
    .array(z.object({ applicationId: z.string().min(1).max(128), defaulted: z.boolean() }))
    .min(1)
    .max(10_000),
});
export type OutcomeLabelsDto = z.infer<typeof outcomeLabelsSchema>;
