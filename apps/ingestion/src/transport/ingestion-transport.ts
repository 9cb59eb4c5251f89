import type { CustomStrategy } from '@nestjs/microservices';

import { kafkaMicroserviceOptions } from '@loanmesh/kafka';

import type { IngestionConfig } from '../config/ingestion.config';
import { KafkaBatchServer } from './kafka-batch.server';

/** The shared Kafka transport settings, consumed in batches (see KafkaBatchServer). */
export function ingestionTransport(config: IngestionConfig): CustomStrategy {
  const { options } = kafkaMicroserviceOptions(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID, config.KAFKA_GROUP_ID, config.KAFKA_FROM_BEGINNING);
  return {
    strategy: new KafkaBatchServer(
      {
        ...options,
        // 1 MiB per partition is about 2,500 records, one chunk: enough to keep a transaction
        // busy, while larger fetches only hold more decoded records in memory.
        consumer: { ...options?.consumer, groupId: config.KAFKA_GROUP_ID, maxBytesPerPartition: 1024 * 1024 },
        run: { partitionsConsumedConcurrently: config.INGESTION_PARTITIONS_CONCURRENTLY },
      },
      config.INGESTION_CHUNK_SIZE,
    ),
  };
}
