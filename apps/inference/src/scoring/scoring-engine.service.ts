import { Injectable, Logger } from '@nestjs/common';

import type { FeatureInput, GraphFeaturesComputedEvent } from '@loanmesh/contracts';

import { ClockAdapter } from '../common/clock.adapter';
import { ActiveModelsService, type ModelLease } from './active-models.service';
import type { LoadedModel, ModelScore } from './loaded-model';
import { ScoringException } from './scoring.exception';
import { ScoringMetrics } from './scoring.metrics';
import { StandbyHandoverService } from './standby-handover.service';

/** A timed model score. */
export interface TimedScore extends ModelScore {
  scoringMs: number;
}

/** Why the standby scored instead of the champion. */
export interface StandbyMark {
  /** The champion it stood in for; null when no champion was loaded. */
  replacedModelVersion: string | null;
  reason: string;
}

interface ChampionSide {
  score: TimedScore;
  standby: StandbyMark | null;
}

/** The champion-side result (possibly from the standby or the fallback) and the challenger's shadow score. */
export interface ScoringOutcome {
  champion: TimedScore;
  /** Set when the standby scored this application in the champion's place. */
  standby: StandbyMark | null;
  challenger: TimedScore | null;
  degraded: boolean;
  degradedReasons: string[];
}

/**
 * Picks the model for each message and never stalls: a champion that cannot load, run or keep
 * its latency budget hands over to the standby (the previous champion, result marked but not
 * degraded); graph features missing, or no standby able to score, sends the application to the
 * tabular-only fallback, marked degraded so the decision policy refers it to a human. Only when
 * no model at all can score is the message retried.
 */
@Injectable()
export class ScoringEngineService {
  private readonly logger = new Logger(ScoringEngineService.name);

  constructor(
    private readonly active: ActiveModelsService,
    private readonly clock: ClockAdapter,
    private readonly metrics: ScoringMetrics,
    private readonly handover: StandbyHandoverService,
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
      const { score: champion, standby } = await this.scoreChampion(lease, input, graphMissing, degradedReasons);
      const challenger = await challengerRun;
      degradedReasons.forEach((r) => this.metrics.countDegraded(r.split(':')[0]));
      return { champion, standby, challenger, degraded: degradedReasons.length > 0, degradedReasons };
    } finally {
      lease.end();
    }
  }

  private async scoreChampion(
    lease: ModelLease,
    input: FeatureInput,
    graphMissing: boolean,
    degradedReasons: string[],
  ): Promise<ChampionSide> {
    const { champion, standby, fallback } = lease;
    // A graph model cannot score without graph features; the tabular fallback can.
    const unusable = (m: LoadedModel | null): boolean =>
      m !== null && graphMissing && m.identity.includesGraph && fallback !== null;
    let problem: string | null = null;
    if (champion && !unusable(champion)) {
      const attempt = await this.attemptChampion(champion, standby && !unusable(standby) ? standby : null, input);
      if ('score' in attempt) {
        return { score: attempt.score, standby: null };
      }
      problem = attempt.problem;
    } else if (!champion) {
      problem = `CHAMPION_UNAVAILABLE: ${lease.championProblem ?? 'not loaded'}`;
    }
    if (problem !== null && standby && !unusable(standby)) {
      const side = await this.tryStandby(standby, champion, problem, input, degradedReasons);
      if (side) {
        return side;
      }
    } else if (problem !== null) {
      degradedReasons.push(problem);
    }
    if (!fallback) {
      throw new ScoringException('NO_MODEL_AVAILABLE', 'neither the champion nor the fallback model can score');
    }
    degradedReasons.push(`FALLBACK_MODEL: scored by ${fallback.identity.label}`);
    return { score: await this.timed(fallback, input, 'champion'), standby: null };
  }

  /**
   * With a standby loaded, the champion is held to its latency budget and a handed-over champion
   * is skipped; without one it is simply awaited, as before (the fallback would degrade the result).
   */
  private async attemptChampion(
    champion: LoadedModel,
    standby: LoadedModel | null,
    input: FeatureInput,
  ): Promise<{ score: TimedScore } | { problem: string }> {
    if (!standby) {
      try {
        return { score: await this.timed(champion, input, 'champion') };
      } catch (e) {
        this.logger.error({
          msg: 'champion failed, using fallback',
          model: champion.identity.label,
          error: errorText(e),
        });
        return { problem: `CHAMPION_FAILED: ${champion.identity.label}: ${errorText(e)}` };
      }
    }
    const bypass = this.handover.bypassReason(champion);
    if (bypass) {
      return { problem: bypass };
    }
    const budgetMs = this.handover.latencyBudgetMs;
    const deadline = this.clock.deadline(budgetMs, () => new LatencyBudgetExceeded(budgetMs));
    try {
      const score = await Promise.race([this.timed(champion, input, 'champion'), deadline.expired]);
      this.handover.recovered(champion);
      return { score };
    } catch (e) {
      const cause = e instanceof LatencyBudgetExceeded ? 'latency' : 'error';
      this.handover.handOver(champion, cause, errorText(e));
      return { problem: `CHAMPION_FAILED: ${champion.identity.label}: ${errorText(e)}` };
    } finally {
      deadline.cancel();
    }
  }

  private async tryStandby(
    standby: LoadedModel,
    champion: LoadedModel | null,
    problem: string,
    input: FeatureInput,
    degradedReasons: string[],
  ): Promise<ChampionSide | null> {
    try {
      const score = await this.timed(standby, input, 'champion');
      this.metrics.countStandbyScore();
      return { score, standby: { replacedModelVersion: champion?.identity.label ?? null, reason: problem } };
    } catch (e) {
      degradedReasons.push(problem, `STANDBY_FAILED: ${standby.identity.label}: ${errorText(e)}`);
      this.logger.error({ msg: 'standby failed, using fallback', model: standby.identity.label, error: errorText(e) });
      return null;
    }
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

class LatencyBudgetExceeded extends Error {
  constructor(budgetMs: number) {
    super(`exceeded its latency budget of ${budgetMs} ms`);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
