export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_MODULE_OPTIONS = Symbol('KAFKA_MODULE_OPTIONS');

export interface KafkaModuleOptions {
  brokers: string[];
  clientId: string;
  /** Dead-letter topic of the service that uses this module. */
  deadLetterTopic: string;
  /** Topics this service creates at start-up when missing. */
  topics: readonly string[];
}
