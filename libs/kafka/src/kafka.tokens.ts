export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_MODULE_OPTIONS = Symbol('KAFKA_MODULE_OPTIONS');

export interface KafkaModuleOptions {
  brokers: string[];
  clientId: string;
  /** Dead-letter topic of the service that uses this module. */
  deadLetterTopic: string;
  /** Topics this service creates at start-up when missing. */
  topics: readonly string[];
  /**
   * Attempts a record whose failure is not recognised (neither an unavailable dependency
   * nor a rejection of the record) gets before it is dead-lettered (default 3).
   */
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
