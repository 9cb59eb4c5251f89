import { z } from 'zod';

import { MODEL_STATES } from './model-state';

/** A registry entry as the API shows it: the response schema of `/models` (and its OpenAPI). */
export const modelSummarySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  version: z.number().int(),
  label: z.string().describe('name@version'),
  kind: z.enum(['gbm', 'scorecard']),
  state: z.enum(MODEL_STATES),
  sha256: z.string(),
  filePath: z.string(),
  fileBytes: z.number().int(),
  featureVersion: z.string(),
  includesGraph: z.boolean(),
  registeredAt: z.string().describe('ISO 8601 instant'),
  stateChangedAt: z.string().describe('ISO 8601 instant'),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

/** One registry entry with its features, model card and promotion history (`/models/:id`). */
export const modelDetailSchema = modelSummarySchema.extend({
  featureNames: z.array(z.string()),
  card: z.record(z.string(), z.unknown()).describe('the model card (docs/model.md)'),
  promotions: z.array(
    z.object({
      from: z.enum(MODEL_STATES).nullable(),
      to: z.enum(MODEL_STATES),
      by: z.string(),
      at: z.string().describe('ISO 8601 instant'),
      note: z.string(),
    }),
  ),
});
export type ModelDetail = z.infer<typeof modelDetailSchema>;
