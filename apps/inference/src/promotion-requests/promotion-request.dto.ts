import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

import { PROMOTION_TARGETS } from '../registry/model-state';

/** Body of `POST /promotion-requests`: the maker names the model, the target state and why. */
export const promotionRequestSchema = z.object({
  modelId: z.string().uuid(),
  to: z.enum(PROMOTION_TARGETS),
  reason: typedLine(500).default(''),
});
export type PromotionRequestDto = z.infer<typeof promotionRequestSchema>;

export const promotionRequestIdSchema = z.string().uuid();

export const promotionRequestListSchema = z.object({
  status: z.enum(['pending', 'approved', 'all']).default('pending'),
});
