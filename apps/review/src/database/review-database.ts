import {
  createInboxIdentityMigration,
  createInboxMigration,
  createOutboxMigration,
  createOutboxQuarantineMigration,
  createSchemaMigration,
  InboxMessageEntity,
  OutboxMessageEntity,
} from '@loanmesh/database';

import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import { CaseEventEntity } from '../cases/case-event.entity';
import { CaseEntity } from '../cases/case.entity';
import { CompanyNameEntity } from '../companies/company-name.entity';
import { DecisionChainHeadEntity } from '../decisions/decision-chain-head.entity';
import { DecisionEntity } from '../decisions/decision.entity';
import { AuditCheckpointEntity } from '../audit/audit-checkpoint.entity';
import { LabelEntity } from '../labels/label.entity';
import { LoanLinkEntity } from '../labels/loan-link.entity';
import { LabelTaskEntity } from '../labelling/label-task.entity';
import { TaskLabelEntity } from '../labelling/task-label.entity';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { SecurityEventEntity } from '../security-events/security-event.entity';
import { WatchlistEntryEntity } from '../watchlist/watchlist-entry.entity';
import { AuditAnchoring1765100000000 } from './migrations/audit-anchoring.migration';
import { CompanyNames1765300000016 } from './migrations/company-names.migration';
import { DecisionAccounting1764100000005 } from './migrations/decision-accounting.migration';
import { Labelling1765300001000 } from './migrations/labelling.migration';
import { LocalAccounts1764900000000 } from './migrations/local-accounts.migration';
import { LoanOutcomes1764100000002 } from './migrations/loan-outcomes.migration';
import { RemoveDemoUsers1764900000001 } from './migrations/remove-demo-users.migration';
import { ReviewTables1764100000000 } from './migrations/review-tables.migration';
import { SeedDemoData1764100000001 } from './migrations/seed-demo-data.migration';
import { SsoAccounts1765200000000 } from './migrations/sso-accounts.migration';
import { UnscoredCases1764100000003 } from './migrations/unscored-cases.migration';
import { Watchlist1765300000000 } from './migrations/watchlist.migration';

/** The PostgreSQL schema this service owns, its entities and its migrations in order. */
export const REVIEW_SCHEMA = 'review';
/** Tables the service role may only read and append to (no UPDATE, DELETE or TRUNCATE). */
export const REVIEW_APPEND_ONLY_TABLES = [
  'decisions',
  'case_events',
  'audit_checkpoints',
  'security_events',
  'task_labels',
];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
export const reviewEntities: Function[] = [
  UserEntity,
  PolicyVersionEntity,
  DecisionEntity,
  DecisionChainHeadEntity,
  InboxMessageEntity,
  OutboxMessageEntity,
  CaseEntity,
  CaseEventEntity,
  LabelEntity,
  LoanLinkEntity,
  LabelTaskEntity,
  TaskLabelEntity,
  AuditCheckpointEntity,
  SessionEntity,
  LoginThrottleEntity,
  SecurityEventEntity,
  WatchlistEntryEntity,
  CompanyNameEntity,
];
export const reviewMigrations = [
  createSchemaMigration(REVIEW_SCHEMA),
  createInboxMigration(REVIEW_SCHEMA),
  createInboxIdentityMigration(REVIEW_SCHEMA),
  createOutboxMigration(REVIEW_SCHEMA),
  createOutboxQuarantineMigration(REVIEW_SCHEMA),
  ReviewTables1764100000000,
  SeedDemoData1764100000001,
  LoanOutcomes1764100000002,
  UnscoredCases1764100000003,
  DecisionAccounting1764100000005,
  LocalAccounts1764900000000,
  RemoveDemoUsers1764900000001,
  AuditAnchoring1765100000000,
  SsoAccounts1765200000000,
  Watchlist1765300000000,
  CompanyNames1765300000016,
  Labelling1765300001000,
];
