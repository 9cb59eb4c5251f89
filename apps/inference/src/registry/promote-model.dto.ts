import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

import { PROMOTION_TARGETS } from './model-state';

/** Body of `POST /models/:id/promote`. */
export const promoteModelSchema = z.object({
  to: z.enum(PROMOTION_TARGETS),
  by: typedLine(128),
});
export type PromoteModelDto = z.infer<typeof promoteModelSchema>;

export const modelIdSchema = z.string().uuid();
