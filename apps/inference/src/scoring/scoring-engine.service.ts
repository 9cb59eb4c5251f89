import { Injectable, Logger } from '@nestjs/common';

import type { FeatureInput, GraphFeaturesComputedEvent } from '@loanmesh/contracts';

import { ClockAdapter } from '../common/clock.adapter';
import { ActiveModelsService, type ModelLease } from './active-models.service';
import type { LoadedModel, ModelScore } from './loaded-model';
import { ScoringException } from './scoring.exception';
import { ScoringMetrics } from './scoring.metrics';

/** A timed model score. */
export interface TimedScore extends ModelScore {
  scoringMs: number;
}

/** The champion-side result (possibly from the fallback model) and the challenger's shadow score. */
export interface ScoringOutcome {
  champion: TimedScore;
  challenger: TimedScore | null;
  degraded: boolean;
  degradedReasons: string[];
}

/**
 * Picks the model for each message and never stalls: graph features missing or a champion
 * that cannot load or run sends the application to the tabular-only fallback, marked degraded
 * so the decision policy refers it to a human. Only when no model at all can score is the
 * message retried.
 */
@Injectable()
export class ScoringEngineService {
  private readonly logger = new Logger(ScoringEngineService.name);

  constructor(
    private readonly active: ActiveModelsService,
    private readonly clock: ClockAdapter,
    private readonly metrics: ScoringMetrics,
  ) {}

  async score(event: GraphFeaturesComputedEvent): Promise<ScoringOutcome> {
    await this.active.whenLoaded();
    const lease = this.active.lease();
    try {
      const input = featureInputOf(event);
      const graphMissing = event.payload.status === 'DEGRADED' || event.payload.graph === null;
      const degradedReasons = graphMissing
        ? [`GRAPH_FEATURES_UNAVAILABLE: ${event.payload.degradedReason ?? 'graph features missing'}`]
        : [];
      const challengerRun = this.shadow(lease.challenger, input);
      const champion = await this.scoreChampion(lease, input, graphMissing, degradedReasons);
      const challenger = await challengerRun;
      degradedReasons.forEach((r) => this.metrics.countDegraded(r.split(':')[0]));
      return { champion, challenger, degraded: degradedReasons.length > 0, degradedReasons };
    } finally {
      lease.end();
    }
  }

  private async scoreChampion(
    lease: ModelLease,
    input: FeatureInput,
    graphMissing: boolean,
    degradedReasons: string[],
  ): Promise<TimedScore> {
    const { champion, fallback } = lease;
    const useChampion = champion && !(graphMissing && champion.identity.includesGraph && fallback);
    if (useChampion) {
      try {
        return await this.timed(champion, input, 'champion');
      } catch (e) {
        degradedReasons.push(`CHAMPION_FAILED: ${champion.identity.label}: ${errorText(e)}`);
        this.logger.error({
          msg: 'champion failed, using fallback',
          model: champion.identity.label,
          error: errorText(e),
        });
      }
    } else if (!champion) {
      degradedReasons.push(`CHAMPION_UNAVAILABLE: ${lease.championProblem ?? 'not loaded'}`);
    }
    if (!fallback) {
      throw new ScoringException('NO_MODEL_AVAILABLE', 'neither the champion nor the fallback model can score');
    }
    degradedReasons.push(`FALLBACK_MODEL: scored by ${fallback.identity.label}`);
    return this.timed(fallback, input, 'champion');
  }

  private async shadow(challenger: LoadedModel | null, input: FeatureInput): Promise<TimedScore | null> {
    if (!challenger) {
      return null;
    }
    try {
      return await this.timed(challenger, input, 'challenger');
    } catch (e) {
      this.metrics.countChallengerFailure();
      this.logger.warn({ msg: 'challenger failed', model: challenger.identity.label, error: errorText(e) });
      return null;
    }
  }

  private async timed(model: LoadedModel, input: FeatureInput, role: 'champion' | 'challenger'): Promise<TimedScore> {
    const started = this.clock.monotonicMs();
    const score = await model.score(input);
    const scoringMs = this.clock.monotonicMs() - started;
    this.metrics.observeLatency(role, scoringMs / 1000);
    this.metrics.countScore(role, model.identity.label);
    return { ...score, scoringMs };
  }
}

export function featureInputOf(event: GraphFeaturesComputedEvent): FeatureInput {
  const { application, company, history, graph } = event.payload;
  return { application, company, history, graph };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
