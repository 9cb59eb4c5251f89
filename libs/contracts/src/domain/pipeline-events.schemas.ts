import { z } from 'zod';

import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import { graphExplanationSchema, graphFeaturesSchema } from '../graph/graph-features.schema';
import { applicationTermsSchema, companySnapshotSchema, creditHistorySchema } from './feature-input.schema';

/** Milliseconds since epoch at which each hop finished; the decision event carries them all. */
export const hopTimesSchema = z.object({
  submittedAt: z.number().optional(),
  /** When ingestion first received the application's record (before any parking); accounting selects on it. */
  receivedAt: z.number().optional(),
  ingestedAt: z.number().optional(),
  featuresAt: z.number().optional(),
  scoredAt: z.number().optional(),
  decidedAt: z.number().optional(),
});
export type HopTimes = z.infer<typeof hopTimesSchema>;

/** Kafka positions per partition: partition number → next offset (everything before it). */
export const topicPositionsSchema = z.record(z.string().regex(/^\d{1,4}$/), z.number().int().nonnegative());
export type TopicPositions = z.infer<typeof topicPositionsSchema>;

/**
 * The freshness contract (docs/architecture.md): what the graph must have applied before
 * it may serve features for an application. Ingestion records the core-banking end offsets
 * when it read the application and holds the announcement until it has accepted all of
 * them (`confirmed`), then stamps the domain-event positions already published before it;
 * the graph waits for its writer and in-memory view to reach `domainEvents`, or degrades.
 */
export const freshnessSchema = z.object({
  coreBankingBarrier: topicPositionsSchema,
  /** Milliseconds since epoch when the barrier was taken. */
  barrierAt: z.number().int().nonnegative(),
  /** True when ingestion had accepted every core-banking record up to the barrier before announcing. */
  confirmed: z.boolean().optional(),
  domainEvents: topicPositionsSchema.optional(),
});
export type Freshness = z.infer<typeof freshnessSchema>;

export const applicationReceivedSchema = eventSchema(
  'application.received',
  1,
  z.object({
    application: applicationTermsSchema,
    guarantors: z.array(z.object({ kind: z.enum(['person', 'company']), id: z.string() })),
    company: companySnapshotSchema,
    history: creditHistorySchema,
    hops: hopTimesSchema,
    /** Absent only on events from before the contract: the graph then degrades the application. */
    freshness: freshnessSchema.optional(),
  }),
);
export type ApplicationReceivedEvent = z.infer<typeof applicationReceivedSchema>;

export const graphFeaturesComputedSchema = eventSchema(
  'graph.features-computed',
  1,
  applicationReceivedSchema.shape.payload.extend({
    status: z.enum(['OK', 'DEGRADED']),
    degradedReason: z.string().optional(),
    graph: graphFeaturesSchema.nullable(),
    explanations: z.array(graphExplanationSchema),
    featureVersion: z.string(),
    computedInMs: z.number().nonnegative(),
  }),
);
export type GraphFeaturesComputedEvent = z.infer<typeof graphFeaturesComputedSchema>;

export const reasonCodeSchema = z.object({
  code: z.string(),
  feature: z.string(),
  contribution: z.number(),
  text: z.string(),
  source: z.enum(['MODEL', 'GRAPH', 'RULE']),
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const modelResultSchema = z.object({
  modelVersion: z.string(),
  modelSha256: z.string(),
  probabilityOfDefault: z.number().min(0).max(1),
  riskGrade: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
  reasons: z.array(reasonCodeSchema).max(4),
  baseValue: z.number(),
  logit: z.number(),
});
export type ModelResult = z.infer<typeof modelResultSchema>;

export const applicationScoredSchema = eventSchema(
  'application.scored',
  1,
  graphFeaturesComputedSchema.shape.payload.extend({
    champion: modelResultSchema,
    challenger: modelResultSchema.optional(),
    degraded: z.boolean(),
    degradedReasons: z.array(z.string()),
    featureVector: z.array(z.number()),
    featureNames: z.array(z.string()),
  }),
);
export type ApplicationScoredEvent = z.infer<typeof applicationScoredSchema>;

export const decisionMadeSchema = eventSchema(
  'decision.made',
  1,
  z.object({
    decisionId: z.string(),
    applicationId: z.string(),
    companyId: z.string(),
    outcome: z.enum(['APPROVED', 'DECLINED', 'REFERRED']),
    automatic: z.boolean(),
    decidedBy: z.string(),
    principalReasons: z.array(reasonCodeSchema).max(4),
    policyVersion: z.string(),
    modelVersion: z.string(),
    hops: hopTimesSchema,
  }),
);
export type DecisionMadeEvent = z.infer<typeof decisionMadeSchema>;

const registryOf = (...schemas: { shape: { type: z.ZodLiteral<string>; schemaVersion: z.ZodLiteral<number> } }[]) =>
  Object.fromEntries<SchemaRegistry[string]>(
    schemas.map((s) => [s.shape.type.value, { [s.shape.schemaVersion.value]: s as unknown as z.ZodTypeAny }]),
  );

export const applicationReceivedRegistry = registryOf(applicationReceivedSchema);
export const graphFeaturesComputedRegistry = registryOf(graphFeaturesComputedSchema);
export const applicationScoredRegistry = registryOf(applicationScoredSchema);
export const decisionMadeRegistry = registryOf(decisionMadeSchema);
