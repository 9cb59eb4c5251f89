import { z } from 'zod';

import { PROMOTION_TARGETS } from './model-state';

/** Body of `POST /models/:id/promote`. */
export const promoteModelSchema = z.object({
  to: z.enum(PROMOTION_TARGETS),
  by: z.string().trim().min(1).max(128),
});
export type PromoteModelDto = z.infer<typeof promoteModelSchema>;

export const modelIdSchema = z.string().uuid();
