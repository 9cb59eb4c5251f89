import { KafkaContext } from '@nestjs/microservices';

/**
 * Context of a batch handler: the context of every record in the batch, in offset
 * order. It is itself the context of the last record, so Nest's Kafka plumbing still fits.
 */
export class KafkaBatchContext extends KafkaContext {
  constructor(readonly records: readonly KafkaContext[]) {
    const last = records[records.length - 1];
    super([
      last.getMessage(),
      last.getPartition(),
      last.getTopic(),
      last.getConsumer(),
      last.getHeartbeat(),
      last.getProducer(),
    ]);
  }
}
