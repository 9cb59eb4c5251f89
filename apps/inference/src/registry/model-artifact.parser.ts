import { z } from 'zod';

import { ModelRegistryException } from './model-registry.exception';

const featureSpecEntry = z.object({
  name: z.string(),
  description: z.string(),
  absentDescription: z.string().optional(),
  direction: z.enum(['higher-is-riskier', 'lower-is-riskier', 'indicator']).optional(),
});

export const modelMetaSchema = z.object({
  name: z.string().min(1),
  modelKind: z.enum(['gbm', 'scorecard']),
  featureVersion: z.string().min(1),
  featureNames: z.array(z.string()).min(1),
  featureSpec: z.array(featureSpecEntry),
  onnxSha256: z.string().length(64),
});
export type ModelMeta = z.infer<typeof modelMetaSchema>;

/** `<name>.references.json`: training medians per feature, the reference points of reason codes. */
export const modelReferencesSchema = z.object({
  statistic: z.literal('median'),
  references: z.record(z.string(), z.number().finite()),
});

/** The parts of a model card the registry's gates read; the whole card is stored as JSON. */
export const modelCardGateSchema = z.object({
  metrics: z.object({ test: z.object({ auc: z.number().min(0).max(1) }) }),
  parity: z.object({ passed: z.boolean(), maxAbsDifference: z.number(), tolerance: z.number() }),
});
export type ModelCardGateView = z.infer<typeof modelCardGateSchema>;

export function parseArtifactPart<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelRegistryException(
      'MODEL_ARTIFACT_INVALID',
      `${what} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return parsed.data;
}
