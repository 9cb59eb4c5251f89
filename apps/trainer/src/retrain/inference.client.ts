import { type TrainingOutcomes, trainingOutcomesSchema } from '@loanmesh/contracts';
import type { HttpCall } from '@loanmesh/service-auth';

/** What retrain needs from inference: the labelled outcomes, and a way to put a model in shadow. */
export interface RetrainInference {
  trainingOutcomes(): Promise<TrainingOutcomes>;
  registerShadow(name: string, by: string): Promise<{ label: string; state: string; id: string }>;
}

export class InferenceRequestError extends Error {}

/** Inference's HTTP API (`GET /models/outcomes/training-rows`, `POST /models/shadow`). */
export function httpInference(baseUrl: string, http: HttpCall): RetrainInference {
  const base = baseUrl.replace(/\/$/, '');
  const ok = (res: { status: number; body: unknown }, what: string): unknown => {
    if (res.status >= 400) {
      throw new InferenceRequestError(`${what}: inference answered ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
  return {
    async trainingOutcomes() {
      const body = ok(await http('GET', `${base}/models/outcomes/training-rows`), 'reading the labelled outcomes');
      return trainingOutcomesSchema.parse(body);
    },
    async registerShadow(name, by) {
      const body = ok(await http('POST', `${base}/models/shadow`, { name }, by), `registering ${name} in shadow`);
      return body as { label: string; state: string; id: string };
    },
  };
}
