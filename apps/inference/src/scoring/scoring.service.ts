import { Injectable, Logger } from '@nestjs/common';

import { type GraphFeaturesComputedEvent, Topics } from '@loanmesh/contracts';
import { EventIdConflictException, inboxEntryOf } from '@loanmesh/database';
import type { InboundOutcome } from '@loanmesh/kafka';

import { ClockAdapter } from '../common/clock.adapter';
import { ScoreBatchWriter } from './score-batch.writer';
import { buildScoredEvent } from './scored-event.factory';
import type { StoredScore } from './scored-application.repository';
import { ScoringEngineService, type ScoringOutcome } from './scoring-engine.service';

/**
 * Scores a features event, then records its event id, the champion's and challenger's
 * results and the scored event (outbox) in one transaction: a redelivered event is skipped,
 * and the scored event exists if and only if the score does.
 */
@Injectable()
export class ScoringService {
  private readonly logger = new Logger(ScoringService.name);

  constructor(
    private readonly engine: ScoringEngineService,
    private readonly writer: ScoreBatchWriter,
    private readonly clock: ClockAdapter,
  ) {}

  async handle(event: GraphFeaturesComputedEvent): Promise<InboundOutcome> {
    const outcome = await this.engine.score(event);
    const now = this.clock.now();
    const scored = buildScoredEvent(event, outcome, now);
    const verdict = await this.writer.write({
      inbox: inboxEntryOf(event),
      record: {
        eventId: event.eventId,
        applicationId: event.payload.application.applicationId,
        degraded: outcome.degraded,
        degradedReasons: outcome.degradedReasons,
        scoredAt: now,
        scores: storedScores(outcome, scored.payload.champion, scored.payload.challenger),
      },
      message: { topic: Topics.applicationScored, key: event.payload.application.companyId, payload: scored },
    });
    if (verdict instanceof EventIdConflictException) {
      // Thrown to the shared inbound edge, which dead-letters it (EVENT_ID_CONFLICT).
      throw verdict;
    }
    if (verdict === 'duplicate') {
      this.logger.log({ msg: 'skipped duplicate', eventId: event.eventId });
      return 'duplicate';
    }
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
      vector: outcome.champion.vector,
    },
  ];
  if (outcome.challenger && challenger) {
    rows.push({
      role: 'challenger',
      modelVersionId: outcome.challenger.model.id,
      result: challenger,
      scoringMs: outcome.challenger.scoringMs,
      vector: outcome.challenger.vector,
    });
  }
  return rows;
}
