import { z } from 'zod';

/** Kinds of the labelling tool chain's samples (review's labelling tasks). */
export const LabelledSampleKinds = ['FRAUD', 'ER_CORRECTION', 'REASON_TAG', 'OUTCOME_DISPUTE'] as const;

const labelVersion = z.object({
  labelId: z.string().min(1),
  labeller: z.string().min(1),
  value: z.string().min(1),
  version: z.number().int().positive(),
  recordedAt: z.string().datetime(),
});

/**
 * One line of `npm run labels -- export` (JSONL), the training set the trainer reads with
 * `--source labels`: the final label of one sample, its lineage back to the labels, the case
 * and the decision, and the features the decision was made on.
 */
export const labelledSampleSchema = z
  .object({
    taskId: z.string().uuid(),
    kind: z.enum(LabelledSampleKinds),
    /** What the sample asked beyond its case: the entity pair of an ER correction, the disputed outcome. */
    subject: z.record(z.string(), z.unknown()),
    value: z.string().min(1),
    /** 1 for the bad class (fraud, defaulted), 0 for the good one; null for kinds with no binary target. */
    target: z.union([z.literal(0), z.literal(1)]).nullable(),
    resolution: z.enum(['AGREED', 'ADJUDICATED']),
    caseId: z.string().uuid(),
    applicationId: z.string().min(1),
    /** The automatic decision the features come from; null when the application has none. */
    decisionId: z.string().uuid().nullable(),
    modelVersion: z.string(),
    /** The latest version of each labeller's label, the ones the final value was settled from. */
    labels: z.array(labelVersion).min(1),
    labellers: z.array(z.string().min(1)).min(1),
    adjudicator: z.string().min(1).nullable(),
    adjudicatedAt: z.string().datetime().nullable(),
    featureNames: z.array(z.string().min(1)),
    featureVector: z.array(z.number()),
  })
  .refine((s) => s.featureNames.length === s.featureVector.length, {
    message: 'featureNames and featureVector differ in length',
    path: ['featureVector'],
  })
  .refine((s) => (s.resolution === 'ADJUDICATED') === (s.adjudicator !== null), {
    message: 'an adjudicated sample names its adjudicator, an agreed one none',
    path: ['adjudicator'],
  });
export type LabelledSample = z.infer<typeof labelledSampleSchema>;
