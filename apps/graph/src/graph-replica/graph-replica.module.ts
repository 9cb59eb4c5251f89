import { Module } from '@nestjs/common';

import { GraphMemoryModule } from '../graph-memory/graph-memory.module';
import { GraphViewFollower } from './graph-view.follower';

/** What lets several graph replicas serve the same, complete graph (see docs/graph.md). */
@Module({
  imports: [GraphMemoryModule],
  providers: [GraphViewFollower],
})
export class GraphReplicaModule {}
