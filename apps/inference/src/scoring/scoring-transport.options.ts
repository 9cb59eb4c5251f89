import type { KafkaOptions } from '@nestjs/microservices';

import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';
import { kafkaMicroserviceOptions } from '@loanmesh/kafka';

/**
 * The shared Kafka transport with every assigned partition consumed concurrently: scores of
 * concurrent messages share one commit (see ScoreBatchWriter), so more in flight means
 * fewer commits per application. Order within a partition is kept.
 */
export function scoringKafkaOptions(brokers: string[], clientId: string, groupId: string, fromBeginning = true): KafkaOptions {
  const base = kafkaMicroserviceOptions(brokers, clientId, groupId, fromBeginning);
  return { ...base, options: { ...base.options, run: { partitionsConsumedConcurrently: DEFAULT_PARTITIONS } } };
}
