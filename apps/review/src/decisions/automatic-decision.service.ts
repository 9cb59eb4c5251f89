import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ApplicationScoredEvent, HopTimes, ReasonCode } from '@loanmesh/contracts';
import { EventIdConflictException, GroupCommitter, InboxService, inboxEntryOf } from '@loanmesh/database';
import type { InboundOutcome } from '@loanmesh/kafka';
import { MetricsService } from '@loanmesh/observability';

import { CaseOpenerService, type Referral } from '../cases/case-opener.service';
import { evaluatePolicy, type PolicyEvaluation } from '../policy/decision-policy.evaluator';
import { OUTCOME_OF } from '../policy/policy-backtest';
import { PolicyService, type ActivePolicy } from '../policy/policy.service';
import { type DecisionDraft, DecisionLedgerService } from './decision-ledger.service';
import { type DecisionAnnouncement, DecisionPublisherService } from './decision-publisher.service';
import { DecisionEntity } from './decision.entity';
import { principalReasons } from './principal-reasons';

export const SCORED_CONSUMER = 'review.application-scored';

/**
 * Decides a scored application by the active policy: the decision, its announcement and
 * (when referred) the case are written in one transaction with the event id, so a
 * redelivered event never decides twice.
 */
interface PreparedDecision {
  draft: DecisionDraft;
  reasons: ReasonCode[];
  hops: HopTimes;
}

/** Per event of a group: decided, skipped, or the conflict its transport dead-letters. */
type CommitResult = 'processed' | 'duplicate' | EventIdConflictException;

interface PendingDecision {
  event: ApplicationScoredEvent;
  policy: ActivePolicy;
  evaluation: PolicyEvaluation;
}

@Injectable()
export class AutomaticDecisionService {
  private readonly logger = new Logger(AutomaticDecisionService.name);
  /** Decisions of concurrently consumed partitions share one transaction and one chain-head lock. */
  private readonly committer: GroupCommitter<PendingDecision, CommitResult>;

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
    if (outcome instanceof EventIdConflictException) {
      // Thrown to the shared inbound edge, which dead-letters it (EVENT_ID_CONFLICT).
      throw outcome;
    }
    if (outcome === 'processed') {
      this.metrics
        .counter('loanmesh_review_decisions_total', 'Decisions by outcome and kind', ['outcome', 'automatic'])
        .inc({ outcome: OUTCOME_OF[evaluation.outcome], automatic: 'true' });
    }
    this.logger.log({ msg: outcome, eventId: event.eventId, outcome: evaluation.outcome });
    return outcome;
  }

  /**
   * In submission order: an event seen before, or an application already decided, is a
   * duplicate; an event id seen before with other content is a conflict. The group's
   * decisions are linked into the chain under one head lock.
   */
  private async commitGroup(em: EntityManager, items: PendingDecision[]): Promise<CommitResult[]> {
    const verdicts = await this.inbox.claim(
      em,
      SCORED_CONSUMER,
      items.map((i) => inboxEntryOf(i.event)),
    );
    const decided = await this.alreadyDecided(em, items.filter((_, k) => verdicts[k] === 'fresh').map(applicationIdOf));
    const todo: PendingDecision[] = [];
    const results = items.map((item, k): CommitResult => {
      const verdict = verdicts[k];
      if (verdict !== 'fresh') {
        return verdict;
      }
      const applicationId = applicationIdOf(item);
      if (decided.has(applicationId)) {
        return 'duplicate';
      }
      decided.add(applicationId);
      todo.push(item);
      return 'processed';
    });
    const now = new Date();
    const drafts = todo.map((item) => this.draft(item, now));
    const rows = await this.ledger.appendMany(
      em,
      drafts.map((d) => d.draft),
    );
    await this.publisher.writeMany(
      em,
      rows.map((decision, k) => announcementOf(todo[k], drafts[k], decision)),
    );
    await this.cases.openMany(
      em,
      rows.flatMap((decision, k) =>
        decision.outcome === 'REFERRED' ? [referralOf(todo[k], drafts[k], decision)] : [],
      ),
      now,
    );
    return results;
  }

  private async alreadyDecided(em: EntityManager, applicationIds: string[]): Promise<Set<string>> {
    if (applicationIds.length === 0) {
      return new Set();
    }
    const rows = await em
      .createQueryBuilder(DecisionEntity, 'd')
      .select('d.applicationId', 'applicationId')
      .where('d.automatic = true AND d.applicationId IN (:...ids)', { ids: applicationIds })
      .getRawMany<{ applicationId: string }>();
    return new Set(rows.map((r) => r.applicationId));
  }

  private draft({ event, policy, evaluation }: PendingDecision, now: Date): PreparedDecision {
    const p = event.payload;
    const outcome = OUTCOME_OF[evaluation.outcome];
    const reasons =
      outcome === 'APPROVED' ? [] : principalReasons(p.champion.reasons, evaluation.ruleHits, p.explanations);
    const hops = { ...p.hops, decidedAt: now.getTime() };
    const draft: DecisionDraft = {
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
    };
    return { draft, reasons, hops };
  }
}

function announcementOf(
  { event, policy }: PendingDecision,
  prepared: PreparedDecision,
  decision: DecisionEntity,
): DecisionAnnouncement {
  return {
    decision,
    principalReasons: prepared.reasons,
    policyVersion: policy.version,
    modelVersion: event.payload.champion.modelVersion,
    hops: prepared.hops,
    causationId: event.eventId,
    correlationId: event.correlationId,
  };
}

function referralOf(
  { event, policy, evaluation }: PendingDecision,
  prepared: PreparedDecision,
  decision: DecisionEntity,
): Referral {
  const { application, company, history, guarantors, graph, explanations, champion, degraded, degradedReasons } =
    event.payload;
  return {
    snapshot: {
      ...{ application, company, history, guarantors, graph, explanations, champion, degraded, degradedReasons },
      hops: prepared.hops,
      ruleHits: evaluation.ruleHits,
      policyVersion: policy.version,
      automaticDecisionId: decision.id,
    },
    evaluation,
  };
}

function applicationIdOf(item: PendingDecision): string {
  return item.event.payload.application.applicationId;
}
