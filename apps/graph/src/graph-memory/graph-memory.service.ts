import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import type { HopEdge, LocalFacts } from '@loanmesh/features';
import { GracefulShutdownService } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { GraphStartPositions } from '../freshness/graph-start-positions.service';
import { GraphMemoryRepository } from './graph-memory.repository';
import { GraphMemoryStore } from './graph-memory.store';
import { memoryHop } from './memory-hop.reader';
import { MemoryLocalFactsReader } from './memory-local-facts.reader';

const PAGE = 10_000;
const CHUNK = 10_000;
const RETRY_MS = 5_000;

export interface MemoryRefresh {
  companyIds: Iterable<string>;
  personIds: Iterable<string>;
}

/**
 * The in-memory subgraph cache ("online graph computing"): the company projection is
 * loaded from Neo4j at start-up and refreshed by the graph writer after every batch, so
 * features are computed in memory while Neo4j stays the system of record. Until the
 * start-up load has completed the cache is not `ready` and callers use Cypher.
 */
@Injectable()
export class GraphMemoryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GraphMemoryService.name);
  private store = new GraphMemoryStore();
  private loaded = false;
  private loading: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  /** Ids refreshed while a start-up load is running: their newer record must not be overwritten by an older page. */
  private refreshedDuringLoad = new Set<string>();
  private destroyed = false;

  constructor(
    private readonly repository: GraphMemoryRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<GraphConfig, 'GRAPH_MEMORY_ENABLED'>,
    shutdown: GracefulShutdownService,
    // Absent where a test builds the graph without Kafka.
    @Optional() private readonly start?: GraphStartPositions,
  ) {
    shutdown.register('stop-work', 'graph memory load retry', () => this.onModuleDestroy());
  }

  get ready(): boolean {
    return this.config.GRAPH_MEMORY_ENABLED && this.loaded;
  }

  get size(): { companies: number; persons: number } {
    return this.store.size;
  }

  /** Awaited before the consumers start, so no batch is written before the load has begun. */
  async onModuleInit(): Promise<void> {
    if (this.config.GRAPH_MEMORY_ENABLED) {
      // Before the load, so that what the view follows on from is not newer than what it loaded.
      await this.start?.capture();
      await this.load();
    }
  }

  onModuleDestroy(): void {
    this.destroyed = true;
    clearTimeout(this.retry);
  }

  localFacts(companyId: string, asOf: string): LocalFacts | undefined {
    return new MemoryLocalFactsReader(this.store, asOf).read(companyId);
  }

  hop(ids: readonly string[], asOf: string): HopEdge[] {
    return memoryHop(this.store, ids, asOf);
  }

  /** Re-reads the start nodes of everything a batch wrote (and the records entity resolution linked). */
  async refresh(ids: MemoryRefresh): Promise<void> {
    if (!this.config.GRAPH_MEMORY_ENABLED) {
      return;
    }
    const companies = [...new Set(ids.companyIds)];
    const persons = [...new Set(ids.personIds)];
    for (let i = 0; i < companies.length; i += CHUNK) {
      const rows = await this.repository.companies(companies.slice(i, i + CHUNK));
      rows.forEach((r) => this.store.upsertCompany(r));
    }
    for (let i = 0; i < persons.length; i += CHUNK) {
      const rows = await this.repository.persons(persons.slice(i, i + CHUNK));
      rows.forEach((r) => this.store.upsertPerson(r));
    }
    if (this.loading) {
      [...companies, ...persons].forEach((id) => this.refreshedDuringLoad.add(id));
    }
  }

  /**
   * As `refresh`, then re-reads the records linked SAME_AS to them: entity resolution on
   * another replica links a new record to an older one and gives both a canonical id, and
   * only the new one is named by the events a view follower sees.
   */
  async refreshWithAliases(ids: MemoryRefresh): Promise<void> {
    const companies = [...ids.companyIds];
    const persons = [...ids.personIds];
    await this.refresh({ companyIds: companies, personIds: persons });
    const aliases = (list: readonly string[]): string[] => list.flatMap((id) => [...this.store.aliasesOf(id)]);
    await this.refresh({ companyIds: aliases(companies), personIds: aliases(persons) });
  }

  /** Full load; on failure (Neo4j down at start-up) retried in the background while Cypher serves. */
  load(): Promise<void> {
    const started = performance.now();
    this.loading ??= this.loadAll()
      .then(() => {
        this.loaded = true;
        this.logger.log({
          msg: 'graph memory loaded',
          ...this.store.size,
          ms: Math.round(performance.now() - started),
        });
      })
      .catch((e: unknown) => {
        this.logger.warn({ msg: 'graph memory load failed; serving from Cypher until it succeeds', error: String(e) });
        if (!this.destroyed) {
          this.retry = setTimeout(() => void this.load(), RETRY_MS);
        }
      })
      .finally(() => {
        this.loading = undefined;
        this.refreshedDuringLoad = new Set();
      });
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const fresh = new GraphMemoryStore();
    await this.pages(
      (after) => this.repository.companyPage(after, PAGE),
      (r) => fresh.upsertCompany(r),
    );
    await this.pages(
      (after) => this.repository.personPage(after, PAGE),
      (r) => fresh.upsertPerson(r),
    );
    this.mergeRefreshed(fresh);
    this.store = fresh;
  }

  private async pages<T extends { id: string }>(
    fetch: (after: string) => Promise<T[]>,
    apply: (row: T) => void,
  ): Promise<void> {
    let after = '';
    for (;;) {
      const page = await fetch(after);
      page.forEach(apply);
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) {
        return;
      }
      after = last.id;
    }
  }

  /** Records refreshed during the load are newer than the pages that held them. */
  private mergeRefreshed(fresh: GraphMemoryStore): void {
    for (const id of this.refreshedDuringLoad) {
      const company = this.store.companies.get(id);
      const person = this.store.persons.get(id);
      if (company) {
        fresh.upsertCompany(company);
      }
      if (person) {
        fresh.upsertPerson(person);
      }
    }
  }
}
