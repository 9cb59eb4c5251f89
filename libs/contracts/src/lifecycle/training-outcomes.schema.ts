import { z } from 'zod';

/**
 * `GET /models/outcomes/training-rows` (inference) as `npm run retrain` reads it: every labelled
 * application with the vector the champion of the day scored, its PD and its model reason codes.
 */
export const trainingOutcomeRowSchema = z.object({
  applicationId: z.string().min(1),
  defaulted: z.boolean(),
  scoredAt: z.string().datetime({ offset: true }),
  modelVersion: z.string().min(1),
  probabilityOfDefault: z.number().min(0).max(1),
  /** Codes of the model's own reasons (graph and rule reasons left out), strongest first. */
  reasonCodes: z.array(z.string()),
  /** The scored vector by feature name; null where the value was missing. */
  features: z.record(z.string(), z.number().nullable()),
});
export type TrainingOutcomeRow = z.infer<typeof trainingOutcomeRowSchema>;

export const trainingOutcomesSchema = z.object({
  /** The serving champion's label (`name:vN`); rows scored by it are the comparison's baseline. */
  champion: z.string().nullable(),
  rows: z.array(trainingOutcomeRowSchema),
});
export type TrainingOutcomes = z.infer<typeof trainingOutcomesSchema>;
