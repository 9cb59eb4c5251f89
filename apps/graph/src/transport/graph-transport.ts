import type { CustomStrategy } from '@nestjs/microservices';

import { type KafkaConnectionFieldsOf, kafkaConnectionOf } from '@loanmesh/config';
import { batchConsumerTransport, retryBackoffOf } from '@loanmesh/kafka';

import type { GraphConfig } from '../config/graph.config';

/**
 * The batch transport with small chunks: a feature deadline counts from the moment a record
 * reaches the handler, so a chunk must not hold more than the worker pool clears well within
 * it. Two per worker keeps the workers busy without queueing a burst behind the deadline.
 */
export function graphTransport(
  config: KafkaConnectionFieldsOf &
    Pick<
      GraphConfig,
      'KAFKA_CLIENT_ID' | 'KAFKA_GROUP_ID' | 'GRAPH_FEATURE_WORKERS' | 'KAFKA_RETRY_INITIAL_MS' | 'KAFKA_RETRY_MAX_MS'
    >,
  fromBeginning: boolean,
): CustomStrategy {
  return batchConsumerTransport(
    kafkaConnectionOf(config),
    config.KAFKA_CLIENT_ID,
    config.KAFKA_GROUP_ID,
    fromBeginning,
    config.GRAPH_FEATURE_WORKERS * 2,
    retryBackoffOf(config),
  );
}
