import { ContractViolation } from '@loanmesh/contracts';

import { DomainException } from './domain.exception';

/**
 * Why a unit of work failed, as far as what to do next is concerned:
 * - `transient`: a dependency is unavailable; the same work succeeds later. Retried with
 *   backoff, never dead-lettered.
 * - `permanent`: the record itself can never succeed (a store or model rejected its values,
 *   a contract or domain rule refused it). Isolated and dead-lettered at once.
 * - `unknown`: neither is recognised; suspect. A bounded number of attempts, then isolated
 *   and dead-lettered like a permanent one.
 */
export type FailureClass = 'transient' | 'permanent' | 'unknown';

export interface ClassifiedFailure {
  class: FailureClass;
  /** Dead-letter code for a record this failure rejects. */
  code: string;
  /** The error's own text (the store's or the model's reason). */
  reason: string;
}

/** Dead-letter code of a record a store (PostgreSQL, Neo4j) or the model refused. */
export const STORE_REJECTED = 'STORE_REJECTED';
/** Dead-letter code of a record whose unrecognised failure outlived its attempts. */
export const RETRIES_EXHAUSTED = 'RETRIES_EXHAUSTED';

/** Socket-level failures of any client (pg, neo4j-driver, KafkaJS, fetch). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
]);

/** SQLSTATEs that say the server or connection, not the statement's data, is at fault. */
const PG_TRANSIENT_STATES = new Set(['57P01', '57P02', '57P03', '40001', '40P01', '57014', '55P03']);
/**
 * Also the deployment's own faults: a missing table or column, a privilege or credential,
 * a schema (42, 28, 3D, 3F). Parameterised statements make these independent of the record,
 * so dead-lettering would empty the stream into the dead-letter topic; waiting (readiness
 * down) until an operator fixes the deployment loses nothing.
 */
const PG_TRANSIENT_CLASSES = new Set(['08', '53', '58', '42', '28', '3D', '3F']);
/** Class 22 (data exception) and 23 (integrity constraint violation): the row's values. */
const PG_PERMANENT_CLASSES = new Set(['22', '23']);

/** Messages of client libraries that carry no code but mean "the connection went away". */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (timeout|timed out)/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /query read timeout/i,
  /did not answer within/i,
  /driver is not connected|connection pool .* closed|pool is closed/i,
  /socket hang up/i,
];

/** Broker answers refusing the record itself (KafkaJSProtocolError `type`): it will never be accepted. */
const KAFKA_RECORD_REFUSED = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

/** KafkaJS errors meaning the broker cannot be reached or did not answer. */
const KAFKAJS_TRANSIENT_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSLockTimeout',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSStaleTopicMetadataAssignment',
]);

/**
 * Neo4j client errors caused by the statement's parameters (the record's values). Neo4j
 * reports an unparsable temporal value (`date('2024-02-30')`) as a SyntaxError.
 */
const NEO4J_PERMANENT = [
  /^Neo\.ClientError\.Statement\.(TypeError|ArgumentError|ArithmeticError|SyntaxError|ParameterMissing|SemanticError|EntityNotFound|ConstraintVerificationFailed)$/,
  /^Neo\.ClientError\.Schema\.(ConstraintValidationFailed|IndexValueTooLarge)$/,
  /^Neo\.ClientError\.Request\.Invalid/,
];

/** Store rejections reported under a generic code (Neo4j: Neo.DatabaseError.Statement.ExecutionFailed). */
const PERMANENT_MESSAGES = [/property value is too large to index/i];

/** ONNX Runtime's INVALID_ARGUMENT (an input of the wrong shape, type or value). */
const ONNX_INPUT = /ERROR_CODE: 2\b|INVALID_ARGUMENT|Unexpected input data type|input .* is missing in 'feeds'/i;

/**
 * The one classifier of failures, for every consumer, committer and relay: what the error
 * (or any error in its cause chain) says about whether retrying can help.
 */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const reason = error instanceof ContractViolation ? error.detail : withDetail(error);
  const found = classOf(error, 0);
  const code = found === 'unknown' ? RETRIES_EXHAUSTED : codeOf(error);
  return { class: found, code, reason };
}

function classOf(error: unknown, depth: number): FailureClass {
  if (depth > 5 || error === null || typeof error !== 'object') {
    return 'unknown';
  }
  if (error instanceof DomainException) {
    return error.kind === 'UNAVAILABLE' ? 'transient' : 'permanent';
  }
  if (error instanceof ContractViolation) {
    return 'permanent';
  }
  const e = error as { code?: unknown; name?: unknown; retriable?: unknown; message?: unknown; type?: unknown };
  if (typeof e.type === 'string' && KAFKA_RECORD_REFUSED.has(e.type)) {
    return 'permanent';
  }
  const code = typeof e.code === 'string' ? e.code : '';
  const byCode = classOfCode(code);
  if (byCode) {
    return byCode;
  }
  const name = typeof e.name === 'string' ? e.name : '';
  if (KAFKAJS_TRANSIENT_NAMES.has(name) || (name.startsWith('KafkaJS') && e.retriable === true)) {
    return 'transient';
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (TRANSIENT_MESSAGES.some((p) => p.test(message))) {
    return 'transient';
  }
  if (ONNX_INPUT.test(message) || PERMANENT_MESSAGES.some((p) => p.test(message))) {
    return 'permanent';
  }
  for (const inner of causesOf(error)) {
    const c = classOf(inner, depth + 1);
    if (c !== 'unknown') {
      return c;
    }
  }
  return 'unknown';
}

function classOfCode(code: string): FailureClass | undefined {
  if (NETWORK_CODES.has(code)) {
    return 'transient';
  }
  if (/^[0-9A-Z]{5}$/.test(code)) {
    if (PG_TRANSIENT_STATES.has(code) || PG_TRANSIENT_CLASSES.has(code.slice(0, 2))) {
      return 'transient';
    }
    if (PG_PERMANENT_CLASSES.has(code.slice(0, 2))) {
      return 'permanent';
    }
    return undefined;
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.')) {
    return 'transient';
  }
  if (NEO4J_PERMANENT.some((p) => p.test(code))) {
    return 'permanent';
  }
  return undefined;
}

/** The nested errors a wrapper carries: TypeORM's driverError, `cause`, AggregateError's list. */
function causesOf(error: object): unknown[] {
  const e = error as { driverError?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  return [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])].filter(
    (x) => x !== undefined && x !== error,
  );
}

function codeOf(error: unknown): string {
  if (error instanceof DomainException || error instanceof ContractViolation) {
    return error.code;
  }
  return STORE_REJECTED;
}

/** The message, with PostgreSQL's `detail` when it has one (it names the offending value's problem). */
function withDetail(error: unknown): string {
  const message = errorMessage(error);
  const e = error as { detail?: unknown; driverError?: { detail?: unknown } } | null;
  const detail = typeof e?.detail === 'string' ? e.detail : e?.driverError?.detail;
  return typeof detail === 'string' && detail.length > 0 ? `${message} (${detail})` : message;
}

/** The message of an error or of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
