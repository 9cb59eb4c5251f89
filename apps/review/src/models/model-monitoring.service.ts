import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { InferenceClient } from '../replay/inference.client';

/**
 * The models page's read of inference's monitoring, passed through as inference answers:
 * the champion/challenger comparison on matured outcomes and the drift report. An
 * unreachable inference is INFERENCE_UNAVAILABLE (503), as for promotion requests.
 */
@Injectable()
export class ModelMonitoringService {
  constructor(private readonly inference: InferenceClient) {}

  comparison(user: AuthenticatedUser): Promise<unknown> {
    return this.inference.get('/models/comparison', user);
  }

  drift(user: AuthenticatedUser, granularity: 'day' | 'month', periods: number): Promise<unknown> {
    return this.inference.get(`/models/drift?granularity=${granularity}&periods=${periods}`, user);
  }
}
