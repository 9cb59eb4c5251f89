import { Module } from '@nestjs/common';

import { GraphMemoryRepository } from './graph-memory.repository';
import { GraphMemoryService } from './graph-memory.service';

@Module({
  providers: [GraphMemoryRepository, GraphMemoryService],
  exports: [GraphMemoryService],
})
export class GraphMemoryModule {}
