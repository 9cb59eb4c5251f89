import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics, type TopicPositions } from '@loanmesh/contracts';
import { TopicPositionsService } from '@loanmesh/kafka';

import type { GraphConfig } from '../config/graph.config';

/**
 * Where this replica's view of the graph starts: the writer group's committed positions,
 * read just BEFORE the in-memory view loads from Neo4j. Everything below them is in Neo4j
 * and so in the load; everything from them on is applied by this replica's writer or its
 * view follower. Read after the load instead, a batch another replica committed in between
 * would be in neither.
 */
@Injectable()
export class GraphStartPositions {
  private captured?: Promise<TopicPositions>;

  constructor(
    private readonly positions: TopicPositionsService,
    @Inject(APP_CONFIG) private readonly config: Pick<GraphConfig, 'GRAPH_WRITER_GROUP_ID' | 'KAFKA_FROM_BEGINNING'>,
  ) {}

  /** The first call reads them; later calls answer the same positions. */
  capture(): Promise<TopicPositions> {
    this.captured ??= this.read();
    return this.captured;
  }

  private async read(): Promise<TopicPositions> {
    const committed = await this.positions.committedOffsets(this.config.GRAPH_WRITER_GROUP_ID, Topics.domainEvents);
    if (this.config.KAFKA_FROM_BEGINNING) {
      return committed;
    }
    // A new writer group then starts at the topic's end (tests and benchmarks on a shared
    // broker): what was there before is not for this graph, so it counts as applied.
    const end = await this.positions.endOffsets(Topics.domainEvents);
    return { ...end, ...committed };
  }
}
