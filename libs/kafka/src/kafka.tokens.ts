export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_MODULE_OPTIONS = Symbol('KAFKA_MODULE_OPTIONS');

import type { KafkaClientConnection } from './kafka-client.factory';

export interface KafkaModuleOptions {
  /** Brokers, TLS and SASL: `kafkaConnectionOf(config)`. */
  connection: KafkaClientConnection;
  clientId: string;
  /** Dead-letter topic of the service that uses this module. */
  deadLetterTopic: string;
  /**
   * Topics this service needs (`topicsOfService`): checked at start-up, never created
   * (`npm run kafka:provision` creates them); a missing one stops the boot, named.
   */
  topics: readonly string[];
  /**
   * Attempts a record whose failure is not recognised (neither an unavailable dependency
   * nor a rejection of the record) gets before it is dead-lettered (default 3).
   */
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
