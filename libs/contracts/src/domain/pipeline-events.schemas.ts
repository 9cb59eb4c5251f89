import { z } from 'zod';

import { partyRef } from '../core-banking/common.schema';
import { eventSchema } from '../envelope/envelope.schema';
import type { SchemaRegistry } from '../envelope/parse-event';
import {
  boundedList,
  boundedMap,
  durationMs,
  entityId,
  epochMillis,
  finiteNumber,
  float32,
  freeText,
  lineText,
  patternText,
  unitInterval,
} from '../envelope/safe-primitives';
import { graphExplanationSchema, graphFeaturesSchema } from '../graph/graph-features.schema';
import { applicationTermsSchema, companySnapshotSchema, creditHistorySchema } from './feature-input.schema';

/** Milliseconds since epoch at which each hop finished; the decision event carries them all. */
export const hopTimesSchema = z.object({
  submittedAt: epochMillis.optional(),
  /** When ingestion first received the application's record (before any parking); accounting selects on it. */
  receivedAt: epochMillis.optional(),
  ingestedAt: epochMillis.optional(),
  featuresAt: epochMillis.optional(),
  scoredAt: epochMillis.optional(),
  decidedAt: epochMillis.optional(),
});
export type HopTimes = z.infer<typeof hopTimesSchema>;

/** Kafka positions per partition: partition number → next offset (everything before it). */
export const topicPositionsSchema = boundedMap(
  patternText(/^\d{1,4}$/, 'expected a partition number'),
  finiteNumber().int().nonnegative(),
  10_000,
);
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
  barrierAt: epochMillis.int(),
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
    guarantors: boundedList(partyRef, 10),
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
    degradedReason: freeText(1000).optional(),
    graph: graphFeaturesSchema.nullable(),
    explanations: boundedList(graphExplanationSchema, 100),
    featureVersion: lineText(64),
    computedInMs: durationMs,
  }),
);
export type GraphFeaturesComputedEvent = z.infer<typeof graphFeaturesComputedSchema>;

/** Longest feature vector a model may take (today about 50). */
const MAX_FEATURES = 256;

export const reasonCodeSchema = z.object({
  code: lineText(64),
  feature: lineText(64),
  contribution: float32,
  text: freeText(500),
  source: z.enum(['MODEL', 'GRAPH', 'RULE']),
  /** The applicant's feature value the text quotes (model reasons); absent in older events. */
  value: finiteNumber().optional(),
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const modelResultSchema = z.object({
  /** Review's labels keep it in `varchar(128)`. */
  modelVersion: lineText(128),
  modelSha256: patternText(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
  probabilityOfDefault: unitInterval,
  riskGrade: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
  reasons: boundedList(reasonCodeSchema, 4),
  baseValue: float32,
  logit: float32,
});
export type ModelResult = z.infer<typeof modelResultSchema>;

export const applicationScoredSchema = eventSchema(
  'application.scored',
  1,
  graphFeaturesComputedSchema.shape.payload.extend({
    champion: modelResultSchema,
    challenger: modelResultSchema.optional(),
    degraded: z.boolean(),
    degradedReasons: boundedList(freeText(1000), 50),
    /**
     * Present when the hot standby (the previous champion) scored in the champion's place; the
     * result is not degraded, `champion.modelVersion` names the standby.
     */
    standby: z.object({ replacedModelVersion: lineText(128).nullable(), reason: freeText(1000) }).optional(),
    /** The float32 ONNX input, one value per name. */
    featureVector: boundedList(float32, MAX_FEATURES),
    featureNames: boundedList(lineText(64), MAX_FEATURES),
  }),
);
export type ApplicationScoredEvent = z.infer<typeof applicationScoredSchema>;

export const decisionMadeSchema = eventSchema(
  'decision.made',
  1,
  z.object({
    decisionId: entityId,
    applicationId: entityId,
    companyId: entityId,
    outcome: z.enum(['APPROVED', 'DECLINED', 'REFERRED']),
    automatic: z.boolean(),
    /** Review's `decided_by varchar(64)`. */
    decidedBy: lineText(64),
    principalReasons: boundedList(reasonCodeSchema, 4),
    policyVersion: lineText(64),
    modelVersion: lineText(128),
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
