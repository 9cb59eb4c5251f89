import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { MetricsService } from '@loanmesh/observability';

import { DecisionEntity } from '../decisions/decision.entity';
import { GraphClient } from '../graph/graph.client';
import { InferenceClient } from '../replay/inference.client';
import { WatchlistEntryEntity } from './watchlist-entry.entity';
import { withFreshGraph } from './rescored-vector';

interface StoredScore {
  modelVersion?: string;
  modelSha256?: string;
  scored?: { featureNames?: string[]; featureVector?: number[] };
}

/**
 * Re-scores a watched loan's application: the model version it was decided with (inference's
 * pinned replay, so only the graph differs) on its stored tabular features and the graph
 * features as they stood at the end of the default day (graph service, `asOf`). Runs after the
 * watchlist row commits, off the consumer's path: a service away leaves the row UNAVAILABLE
 * with the reason, never a redelivery.
 */
@Injectable()
export class WatchlistRescorer {
  private readonly logger = new Logger(WatchlistRescorer.name);
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly graph: GraphClient,
    private readonly inference: InferenceClient,
    private readonly metrics: MetricsService,
  ) {}

  /** Queues the entries' re-scores one after the other; resolves nothing (see `idle`). */
  schedule(ids: readonly string[]): void {
    if (ids.length === 0) {
      return;
    }
    this.running = this.running.then(() => this.rescoreAll(ids));
  }

  /** Resolves once every scheduled re-score has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.running;
  }

  private async rescoreAll(ids: readonly string[]): Promise<void> {
    try {
      const repo = this.dataSource.getRepository(WatchlistEntryEntity);
      for (const entry of await repo.findBy({ id: In([...ids]) })) {
        const result = await this.rescore(entry);
        await repo.update({ id: entry.id }, { ...result, rescoredAt: new Date() });
        this.metrics
          .counter('loanmesh_watchlist_rescores_total', 'Watchlist re-scores by result', ['status'])
          .inc({ status: result.rescoreStatus });
      }
    } catch (e) {
      this.logger.warn({ msg: 'watchlist re-score failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async rescore(
    entry: WatchlistEntryEntity,
  ): Promise<Pick<WatchlistEntryEntity, 'newPd' | 'rescoreStatus' | 'rescoreReason'>> {
    const unavailable = (reason: string) => ({
      newPd: null,
      rescoreStatus: 'UNAVAILABLE' as const,
      rescoreReason: reason,
    });
    if (entry.applicationId === null) {
      return unavailable('no application is linked to this loan (it was not disbursed through LoanMesh)');
    }
    const decision = await this.dataSource
      .getRepository(DecisionEntity)
      .findOne({ where: { applicationId: entry.applicationId, automatic: true } });
    const stored = decision?.content as StoredScore | undefined;
    const names = stored?.scored?.featureNames;
    const vector = stored?.scored?.featureVector;
    if (!stored?.modelVersion || !stored.modelSha256 || !names || !vector) {
      return unavailable(`application ${entry.applicationId} has no scored automatic decision`);
    }
    try {
      const view = (await this.graph.get(
        `/applications/${encodeURIComponent(entry.applicationId)}/features?asOf=${entry.defaultedAt}`,
      )) as { features: Record<string, unknown> };
      const featureVector = withFreshGraph(names, vector, view.features);
      if (featureVector === undefined) {
        return unavailable(`${stored.modelVersion} takes no graph feature`);
      }
      const answer = (await this.inference.post('/models/replay', {
        modelVersion: stored.modelVersion,
        modelSha256: stored.modelSha256,
        featureVector,
      })) as { probabilityOfDefault: number | null; registeredSha256: string };
      return answer.probabilityOfDefault === null
        ? unavailable(`the registered file of ${stored.modelVersion} has hash ${answer.registeredSha256}`)
        : { newPd: answer.probabilityOfDefault, rescoreStatus: 'DONE', rescoreReason: null };
    } catch (e) {
      return unavailable(e instanceof Error ? e.message : String(e));
    }
  }
}
