import { z } from 'zod';

import type { ModelBaseline } from './drift-analysis';

const bins = { edges: z.array(z.number()), proportions: z.array(z.number().min(0)) };

/** The parts of a stored model card drift reads; feature baselines are absent on older cards. */
const cardBaselineSchema = z.object({
  baselineScoreDistribution: z.object(bins),
  baselineFeatureDistributions: z
    .array(z.object({ feature: z.string(), ...bins, missingShare: z.number().min(0).max(1) }))
    .optional(),
});

/** The training baseline in a model card, or undefined when the card has no score baseline. */
export function baselineOfCard(card: unknown): ModelBaseline | undefined {
  const parsed = cardBaselineSchema.safeParse(card);
  if (!parsed.success) {
    return undefined;
  }
  return {
    score: parsed.data.baselineScoreDistribution,
    features: parsed.data.baselineFeatureDistributions ?? null,
  };
}
