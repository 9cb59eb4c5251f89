import {
  createInboxIdentityMigration,
  createInboxMigration,
  createOutboxMigration,
  createOutboxQuarantineMigration,
  createSchemaMigration,
  InboxMessageEntity,
  OutboxMessageEntity,
} from '@loanmesh/database';

import { OutcomeLabelEntity } from '../challenger/outcome-label.entity';
import { DriftAlertEntity } from '../drift/drift-alert.entity';
import { PromotionApprovalEntity, PromotionRequestEntity } from '../promotion-requests/promotion-request.entity';
import { ModelArtifactEntity } from '../registry/model-artifact.entity';
import { ModelPromotionEntity } from '../registry/model-promotion.entity';
import { ModelVersionEntity } from '../registry/model-version.entity';
import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import { InferenceTables1764300000000 } from './migrations/inference-tables.migration';
import { ModelArtifacts1764300000300 } from './migrations/model-artifacts.migration';
import { ModelDrift1764300000400 } from './migrations/model-drift.migration';
import { ModelPromotionRequests1764300000200 } from './migrations/model-promotion-requests.migration';
import { OutcomeLabels1764300000100 } from './migrations/outcome-labels.migration';

/** The PostgreSQL schema this service owns, its entities and its migrations in order. */
export const INFERENCE_SCHEMA = 'inference';
/** Tables the service role may only read and append to (no UPDATE, DELETE or TRUNCATE). */
export const INFERENCE_APPEND_ONLY_TABLES = [
  'model_promotions',
  'model_promotion_requests',
  'model_promotion_approvals',
  'model_artifacts',
  'model_drift_alerts',
];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
export const inferenceEntities: Function[] = [
  ModelVersionEntity,
  ModelArtifactEntity,
  ModelPromotionEntity,
  PromotionRequestEntity,
  PromotionApprovalEntity,
  ScoredApplicationEntity,
  OutcomeLabelEntity,
  DriftAlertEntity,
  InboxMessageEntity,
  OutboxMessageEntity,
];
export const inferenceMigrations = [
  createSchemaMigration(INFERENCE_SCHEMA),
  createInboxMigration(INFERENCE_SCHEMA),
  createInboxIdentityMigration(INFERENCE_SCHEMA),
  createOutboxMigration(INFERENCE_SCHEMA),
  createOutboxQuarantineMigration(INFERENCE_SCHEMA),
  InferenceTables1764300000000,
  OutcomeLabels1764300000100,
  ModelPromotionRequests1764300000200,
  ModelArtifacts1764300000300,
  ModelDrift1764300000400,
];
