import { Global, Module } from '@nestjs/common';

import { DatabaseHealthIndicator } from './database-health.indicator';

@Global()
@Module({ providers: [DatabaseHealthIndicator], exports: [DatabaseHealthIndicator] })
export class DatabaseHealthModule {}
