import { Injectable, Logger } from '@nestjs/common';

import type { DomainEvent } from '@loanmesh/contracts';
import { MetricsService } from '@loanmesh/observability';

import { EntityResolutionService } from '../entity-resolution/entity-resolution.service';
import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { mapDomainEvent, touchedRecords } from './graph-row.mapper';
import { emptyRows, type GraphRows } from './graph-rows.types';
import { GraphWriteRepository } from './graph-write.repository';

export interface BatchResult {
  events: number;
  resolvedLinks: number;
  /** Companies whose loan defaults this batch wrote (the early-warning trigger). */
  defaults: { companyId: string; defaultedAt: string }[];
}

/** Applies a batch of domain events to the graph, then resolves the persons and companies it touched. */
@Injectable()
export class GraphWriterService {
  private readonly logger = new Logger(GraphWriterService.name);

  constructor(
    private readonly repository: GraphWriteRepository,
    private readonly resolution: EntityResolutionService,
    private readonly memory: GraphMemoryService,
    private readonly metrics: MetricsService,
  ) {}

  async applyBatch(events: readonly DomainEvent[]): Promise<BatchResult> {
    if (events.length === 0) {
      return { events: 0, resolvedLinks: 0, defaults: [] };
    }
    const started = performance.now();
    const rows: GraphRows = emptyRows();
    events.forEach((e) => mapDomainEvent(e, rows));
    await this.repository.write(rows);
    const resolved = await this.resolution.resolveRecords(
      rows.persons.map((p) => p.id),
      rows.companies.map((c) => c.id),
    );
    const touched = touchedRecords(rows);
    await this.memory.refresh({
      companyIds: [...touched.companyIds, ...resolved.linkedCompanyIds],
      personIds: [...touched.personIds, ...resolved.linkedPersonIds],
    });
    const resolvedLinks = resolved.links;
    this.metrics
      .counter('loanmesh_graph_events_written_total', 'Domain events applied to the graph')
      .inc(events.length);
    this.logger.debug({
      msg: 'batch written',
      events: events.length,
      resolvedLinks,
      ms: Math.round(performance.now() - started),
    });
    return {
      events: events.length,
      resolvedLinks,
      defaults: rows.defaults.map((d) => ({ companyId: d.partyId, defaultedAt: d.validFrom })),
    };
  }
}
