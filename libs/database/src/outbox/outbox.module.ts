import { Module } from '@nestjs/common';

import { OutboxRelayService } from './outbox-relay.service';
import { ConfigurableModuleClass } from './outbox.module-definition';
import { OutboxWriter } from './outbox.writer';

/**
 * Transactional outbox for a service: `OutboxWriter` inside your transactions, and a
 * relay that publishes through the global Kafka producer. Needs the TypeORM root module
 * (the service's schema must include `createOutboxMigration`) and `KafkaModule`.
 */
@Module({
  // The publisher is provided by forRoot (outbox.module-definition.ts): Kafka, or the service's own.
  providers: [OutboxWriter, OutboxRelayService],
  exports: [OutboxWriter, OutboxRelayService],
})
export class OutboxModule extends ConfigurableModuleClass {}
