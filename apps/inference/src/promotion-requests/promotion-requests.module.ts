import { Module } from '@nestjs/common';

import { RegistryModule } from '../registry/registry.module';
import { PromotionRequestController } from './promotion-request.controller';
import { PromotionRequestService } from './promotion-request.service';

@Module({ imports: [RegistryModule], controllers: [PromotionRequestController], providers: [PromotionRequestService] })
export class PromotionRequestsModule {}
