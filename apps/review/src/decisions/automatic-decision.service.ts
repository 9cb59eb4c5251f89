import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ApplicationScoredEvent } from '@loanmesh/contracts';
import { GroupCommitter, InboxService } from '@loanmesh/database';
import type { InboundOutcome } from '@loanmesh/kafka';
import { MetricsService } from '@loanmesh/observability';

import { CaseOpenerService } from '../cases/case-opener.service';
import { evaluatePolicy, type PolicyEvaluation } from '../policy/decision-policy.evaluator';
import { OUTCOME_OF } from '../policy/policy-backtest';
import { PolicyService, type ActivePolicy } from '../policy/policy.service';
import { DecisionLedgerService } from './decision-ledger.service';
import { DecisionPublisherService } from './decision-publisher.service';
import { DecisionEntity } from './decision.entity';
import { principalReasons } from './principal-reasons';

export const SCORED_CONSUMER = 'review.application-scored';

/**
 * Decides a scored application by the active policy: the decision, its announcement and
 * (when referred) the case are written in one transaction with the event id, so a
 * redelivered event never decides twice.
 */
interface PendingDecision {
  event: ApplicationScoredEvent;
  policy: ActivePolicy;
  evaluation: PolicyEvaluation;
}

@Injectable()
export class AutomaticDecisionService {
  private readonly logger = new Logger(AutomaticDecisionService.name);
  /** Decisions of concurrently consumed partitions share one transaction and one chain-head lock. */
  private readonly committer: GroupCommitter<PendingDecision, 'processed' | 'duplicate'>;

  constructor(
    dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly policies: PolicyService,
    private readonly ledger: DecisionLedgerService,
    private readonly publisher: DecisionPublisherService,
    private readonly cases: CaseOpenerService,
    private readonly metrics: MetricsService,
  ) {
    this.committer = new GroupCommitter(
      dataSource,
      (em, items) => this.commitGroup(em, items),
      () => this.publisher.flush(),
    );
  }

  async decide(event: ApplicationScoredEvent): Promise<InboundOutcome> {
    const policy = await this.policies.active();
    const evaluation = evaluatePolicy(policy.rules, event.payload);
    const outcome = await this.committer.submit({ event, policy, evaluation });
    if (outcome === 'processed') {
      this.metrics
        .counter('loanmesh_review_decisions_total', 'Decisions by outcome and kind', ['outcome', 'automatic'])
        .inc({ outcome: OUTCOME_OF[evaluation.outcome], automatic: 'true' });
    }
    this.logger.log({ msg: outcome, eventId: event.eventId, outcome: evaluation.outcome });
    return outcome;
  }

  /** In submission order: an event id seen before, or an application already decided, is a duplicate. */
  private async commitGroup(em: EntityManager, items: PendingDecision[]): Promise<('processed' | 'duplicate')[]> {
    const fresh = await this.inbox.claim(
      em,
      SCORED_CONSUMER,
      items.map((i) => i.event.eventId),
    );
    const results: ('processed' | 'duplicate')[] = [];
    for (const { event, policy, evaluation } of items) {
      const applicationId = event.payload.application.applicationId;
      if (
        !fresh.delete(event.eventId) ||
        (await em.exists(DecisionEntity, { where: { applicationId, automatic: true } }))
      ) {
        results.push('duplicate');
        continue;
      }
      await this.record(em, event, policy, evaluation);
      results.push('processed');
    }
    return results;
  }

  private async record(
    em: EntityManager,
    event: ApplicationScoredEvent,
    policy: ActivePolicy,
    evaluation: PolicyEvaluation,
  ): Promise<void> {
    const p = event.payload;
    const now = new Date();
    const outcome = OUTCOME_OF[evaluation.outcome];
    const reasons =
      outcome === 'APPROVED' ? [] : principalReasons(p.champion.reasons, evaluation.ruleHits, p.explanations);
    const hops = { ...p.hops, decidedAt: now.getTime() };
    const decision = await this.ledger.append(em, {
      applicationId: p.application.applicationId,
      companyId: p.company.companyId,
      outcome,
      automatic: true,
      decidedBy: 'policy',
      decidedAt: now,
      content: {
        kind: 'AUTOMATIC',
        eventId: event.eventId,
        applicationId: p.application.applicationId,
        companyId: p.company.companyId,
        outcome,
        policyVersion: policy.version,
        modelVersion: p.champion.modelVersion,
        modelSha256: p.champion.modelSha256,
        probabilityOfDefault: p.champion.probabilityOfDefault,
        riskGrade: p.champion.riskGrade,
        modelRecommendation: evaluation.modelRecommendation,
        ruleHits: evaluation.ruleHits,
        principalReasons: reasons,
        fourEyes: evaluation.fourEyes,
        hops,
        scored: p,
      },
    });
    await this.publisher.write(em, {
      decision,
      principalReasons: reasons,
      policyVersion: policy.version,
      modelVersion: p.champion.modelVersion,
      hops,
      causationId: event.eventId,
    });
    if (outcome === 'REFERRED') {
      const { application, company, history, guarantors, graph, explanations, champion, degraded, degradedReasons } = p;
      const snapshot = {
        application,
        company,
        history,
        guarantors,
        graph,
        explanations,
        champion,
        degraded,
        degradedReasons,
      };
      await this.cases.open(
        em,
        {
          ...snapshot,
          hops,
          ruleHits: evaluation.ruleHits,
          policyVersion: policy.version,
          automaticDecisionId: decision.id,
        },
        evaluation,
        now,
      );
    }
  }
}
