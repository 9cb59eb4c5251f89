import { Injectable } from '@nestjs/common';
import { z } from 'zod';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { InferenceClient } from '../replay/inference.client';

/** What a risk manager sends to request a promotion (the model is in the path). */
export const promotionRequestBody = z.object({
  to: z.enum(['champion', 'challenger', 'retired']),
  reason: z.string().max(500).default(''),
});

/**
 * Maker/checker model promotion through inference's `/promotion-requests`: the signed-in user
 * travels as the service credential's subject, so inference records who asked and who
 * approved, and refuses the maker approving their own request.
 */
@Injectable()
export class ModelPromotionService {
  constructor(private readonly inference: InferenceClient) {}

  list(user: AuthenticatedUser, status: string): Promise<unknown> {
    return this.inference.get(`/promotion-requests?status=${encodeURIComponent(status)}`, user);
  }

  request(user: AuthenticatedUser, modelId: string, body: z.infer<typeof promotionRequestBody>): Promise<unknown> {
    return this.inference.command('/promotion-requests', { modelId, ...body }, user);
  }

  approve(user: AuthenticatedUser, requestId: string): Promise<unknown> {
    return this.inference.command(`/promotion-requests/${encodeURIComponent(requestId)}/approve`, {}, user);
  }
}
