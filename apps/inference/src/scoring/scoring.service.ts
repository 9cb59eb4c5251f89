import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { type GraphFeaturesComputedEvent, Topics } from '@loanmesh/contracts';
import { InboxService, OutboxRelayService, OutboxWriter } from '@loanmesh/database';
import type { InboundOutcome } from '@loanmesh/kafka';

import { ClockAdapter } from '../common/clock.adapter';
import { buildScoredEvent } from './scored-event.factory';
import { ScoredApplicationRepository, type StoredScore } from './scored-application.repository';
import { ScoringEngineService, type ScoringOutcome } from './scoring-engine.service';

export const SCORING_CONSUMER = 'inference-scoring';

/**
 * Scores a features event and, in one transaction, records its event id, stores the
 * champion's and challenger's results and writes the scored event to the outbox: a
 * redelivered event is skipped, and the scored event exists if and only if the score does.
 */
@Injectable()
export class ScoringService {
  private readonly logger = new Logger(ScoringService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ScoringEngineService,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly scores: ScoredApplicationRepository,
    private readonly clock: ClockAdapter,
  ) {}

  async handle(event: GraphFeaturesComputedEvent): Promise<InboundOutcome> {
    const outcome = await this.engine.score(event);
    const now = this.clock.now();
    const scored = buildScoredEvent(event, outcome, now);
    const applied = await this.dataSource.transaction(async (manager) => {
      const fresh = await this.inbox.claim(manager, SCORING_CONSUMER, [event.eventId]);
      if (!fresh.has(event.eventId)) {
        return false;
      }
      await this.scores.insert(manager, {
        eventId: event.eventId,
        applicationId: event.payload.application.applicationId,
        degraded: outcome.degraded,
        degradedReasons: outcome.degradedReasons,
        scoredAt: now,
        scores: storedScores(outcome, scored.payload.champion, scored.payload.challenger),
      });
      await this.outbox.write(manager, [
        { topic: Topics.applicationScored, key: event.payload.application.companyId, payload: scored },
      ]);
      return true;
    });
    if (!applied) {
      this.logger.log({ msg: 'skipped duplicate', eventId: event.eventId });
      return 'duplicate';
    }
    this.relay.wake();
    this.logger.debug({
      msg: 'scored',
      applicationId: event.payload.application.applicationId,
      model: outcome.champion.model.label,
      degraded: outcome.degraded,
    });
    return 'processed';
  }
}

function storedScores(
  outcome: ScoringOutcome,
  champion: StoredScore['result'],
  challenger: StoredScore['result'] | undefined,
): StoredScore[] {
  const rows: StoredScore[] = [
    {
      role: 'champion',
      modelVersionId: outcome.champion.model.id,
      result: champion,
      scoringMs: outcome.champion.scoringMs,
    },
  ];
  if (outcome.challenger && challenger) {
    rows.push({
      role: 'challenger',
      modelVersionId: outcome.challenger.model.id,
      result: challenger,
      scoringMs: outcome.challenger.scoringMs,
    });
  }
  return rows;
}
