import { type DynamicModule, Global, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';

import { createKafkaClient } from './kafka-client.factory';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KafkaProducerService } from './kafka-producer.service';
import { DeadLetterService } from './dead-letter.service';
import { InboundBatchService } from './inbound-batch.service';
import { InboundProcessorService } from './inbound-processor.service';
import { KAFKA_CLIENT, KAFKA_MODULE_OPTIONS, type KafkaModuleOptions } from './kafka.tokens';
import { TopicAdminService } from './topic-admin.service';
import { TopicPositionsService } from './topic-positions.service';

@Global()
@Module({})
export class KafkaModule implements OnApplicationBootstrap {
  constructor(
    private readonly admin: TopicAdminService,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        { provide: KAFKA_MODULE_OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useFactory: () => createKafkaClient(options.connection, options.clientId) },
        KafkaProducerService,
        TopicAdminService,
        TopicPositionsService,
        DeadLetterService,
        InboundProcessorService,
        InboundBatchService,
        KafkaHealthIndicator,
      ],
      exports: [
        KAFKA_CLIENT,
        KafkaProducerService,
        TopicAdminService,
        TopicPositionsService,
        DeadLetterService,
        InboundProcessorService,
        InboundBatchService,
        KafkaHealthIndicator,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.admin.requireTopics([...this.options.topics, this.options.deadLetterTopic]);
  }
}
