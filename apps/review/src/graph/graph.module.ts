import { Module } from '@nestjs/common';

import { GraphProxyService } from './graph-proxy.service';
import { GraphController } from './graph.controller';
import { GraphClient } from './graph.client';

@Module({
  controllers: [GraphController],
  providers: [GraphClient, GraphProxyService],
  exports: [GraphClient, GraphProxyService],
})
export class GraphModule {}
