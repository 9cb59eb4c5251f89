import type { CustomStrategy } from '@nestjs/microservices';

import { kafkaConnectionOf } from '@loanmesh/config';
import { kafkaBatchTransport, kafkaMicroserviceOptions, retryBackoffOf } from '@loanmesh/kafka';

import type { IngestionConfig } from '../config/ingestion.config';

/** The shared Kafka transport settings, consumed in batches (see KafkaBatchServer). */
export function ingestionTransport(config: IngestionConfig): CustomStrategy {
  return kafkaBatchTransport(
    kafkaMicroserviceOptions(
      kafkaConnectionOf(config),
      config.KAFKA_CLIENT_ID,
      config.KAFKA_GROUP_ID,
      config.KAFKA_FROM_BEGINNING,
    ),
    {
      chunkSize: config.INGESTION_CHUNK_SIZE,
      partitionsConsumedConcurrently: config.INGESTION_PARTITIONS_CONCURRENTLY,
      // 1 MiB per partition is about 2,500 records, one chunk: enough to keep a transaction
      // busy, while larger fetches only hold more decoded records in memory.
      maxBytesPerPartition: 1024 * 1024,
      retry: retryBackoffOf(config),
    },
  );
}
