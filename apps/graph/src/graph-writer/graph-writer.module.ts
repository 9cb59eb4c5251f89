import { Module } from '@nestjs/common';

import { EntityResolutionModule } from '../entity-resolution/entity-resolution.module';
import { EarlyWarningModule } from '../early-warning/early-warning.module';
import { GraphMemoryModule } from '../graph-memory/graph-memory.module';
import { DomainEventBatchConsumer } from './domain-event-batch.consumer';
import { GraphSchemaInitializer } from './graph-schema.initializer';
import { GraphWriteQueue } from './graph-write.queue';
import { GraphWriteRepository } from './graph-write.repository';
import { GraphWriterService } from './graph-writer.service';

@Module({
  imports: [EntityResolutionModule, GraphMemoryModule, EarlyWarningModule],
  providers: [
    GraphSchemaInitializer,
    GraphWriteRepository,
    GraphWriterService,
    GraphWriteQueue,
    DomainEventBatchConsumer,
  ],
  exports: [GraphWriterService],
})
export class GraphWriterModule {}
