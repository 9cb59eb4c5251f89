import { kafkaConnectionConfig } from '@loanmesh/config';

/** The feed's Kafka connection: brokers come from `--brokers`, TLS and SASL from the environment. */
export const feedKafkaConfigShape = {
  ...kafkaConnectionConfig,
  KAFKA_BROKERS: kafkaConnectionConfig.KAFKA_BROKERS.optional(),
};
