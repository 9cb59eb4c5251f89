import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import { finiteNumber, int4, isoInstant, lineText } from '../envelope/safe-primitives';

/** Drift statuses that raise an alert: population drift to watch or act on, or a data problem. */
export const DriftAlertStatuses = ['watch', 'act', 'data-problem'] as const;
export type DriftAlertStatus = (typeof DriftAlertStatuses)[number];

/**
 * A model's score or feature drifted from its training baseline over one day or month (topic
 * `inference.model-drift.v1`, keyed by model version). `alertId` is stable for one model,
 * subject, period and status, so consumers dedupe on it.
 */
export const modelDriftAlertSchema = eventSchema(
  'model.drift-alert',
  1,
  z.object({
    /** `<modelVersionId>:<subject>:<granularity>:<periodStart>:<status>`. */
    alertId: lineText(400),
    modelVersionId: z.string().uuid(),
    modelVersion: lineText(128),
    /** `score`, or the feature's name. */
    subject: lineText(128),
    subjectKind: z.enum(['score', 'feature']),
    granularity: z.enum(['day', 'month']),
    /** First day of the period, YYYY-MM-DD (UTC). */
    periodStart: lineText(10),
    status: z.enum(DriftAlertStatuses),
    psi: finiteNumber().min(0),
    applications: int4(),
    /** Why, in words: the PSI against its thresholds, or the data problem seen. */
    detail: lineText(500),
    detectedAt: isoInstant,
  }),
);
export type ModelDriftAlertEvent = z.infer<typeof modelDriftAlertSchema>;
export const modelDriftAlertRegistry: SchemaRegistry = { 'model.drift-alert': { 1: modelDriftAlertSchema } };
