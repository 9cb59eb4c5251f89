import { Module } from '@nestjs/common';

import { GraphFeaturesModule } from '../graph-features/graph-features.module';
import { ApplicationGraphRepository } from './application-graph.repository';
import { ApplicationGraphService } from './application-graph.service';
import { ApplicationReceivedConsumer } from './application-received.consumer';
import { ApplicationsController } from './applications.controller';
import { FeatureServingService } from './feature-serving.service';

@Module({
  imports: [GraphFeaturesModule],
  controllers: [ApplicationReceivedConsumer, ApplicationsController],
  providers: [FeatureServingService, ApplicationGraphRepository, ApplicationGraphService],
})
export class ApplicationsModule {}
