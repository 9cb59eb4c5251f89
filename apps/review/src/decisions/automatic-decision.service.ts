import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import type { ApplicationIncompleteEvent, ApplicationScoredEvent } from '@loanmesh/contracts';
import { EventIdConflictException, GroupCommitter, InboxService, type InboxVerdict } from '@loanmesh/database';
import type { InboundOutcome } from '@loanmesh/kafka';
import { MetricsService } from '@loanmesh/observability';

import { CaseOpenerService } from '../cases/case-opener.service';
import { evaluatePolicy } from '../policy/decision-policy.evaluator';
import { PolicyService } from '../policy/policy.service';
import { DecisionLedgerService } from './decision-ledger.service';
import { DecisionPublisherService } from './decision-publisher.service';
import { DecisionEntity } from './decision.entity';
import { incompleteDecision } from './incomplete-decision';
import type { PendingDecision } from './pending-decision';
import { scoredDecision } from './scored-decision';

/**
 * Automatic decisions: a scored application by the active policy, an incomplete one
 * (never scored) straight to a human. The decision, its announcement and (when referred)
 * the case are written in one transaction with the event id, so a redelivered event never
 * decides twice, and an application with a decision is never decided again.
 */
/** Per event of a group: decided, skipped, or the conflict its transport dead-letters. */
type CommitResult = 'processed' | 'duplicate' | EventIdConflictException;

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
    return this.commit(scoredDecision(event, policy, evaluatePolicy(policy.rules, event.payload)));
  }

  /** An application that never became complete enough to score: referred to an officer. */
  async referIncomplete(event: ApplicationIncompleteEvent): Promise<InboundOutcome> {
    return this.commit(incompleteDecision(event, await this.policies.active()));
  }

  private async commit(pending: PendingDecision): Promise<InboundOutcome> {
    const result = await this.committer.submit(pending);
    if (result instanceof EventIdConflictException) {
      // Thrown to the shared inbound edge, which dead-letters it (EVENT_ID_CONFLICT).
      throw result;
    }
    if (result === 'processed') {
      this.metrics
        .counter('loanmesh_review_decisions_total', 'Decisions by outcome and kind', ['outcome', 'automatic'])
        .inc({ outcome: pending.outcome, automatic: 'true' });
    }
    this.logger.log({ msg: result, eventId: pending.eventId, outcome: pending.outcome });
    return result;
  }

  /**
   * In submission order: an event seen before, or an application already decided, is a
   * duplicate; an event id seen before with other content is a conflict. The group's
   * decisions are linked into the chain under one head lock.
   */
  private async commitGroup(em: EntityManager, items: PendingDecision[]): Promise<CommitResult[]> {
    const verdicts = await this.claim(em, items);
    const decided = await this.alreadyDecided(
      em,
      items.filter((_, k) => verdicts[k] === 'fresh').map((i) => i.applicationId),
    );
    const todo: PendingDecision[] = [];
    const results = items.map((item, k): CommitResult => {
      const verdict = verdicts[k];
      if (verdict !== 'fresh') {
        return verdict;
      }
      if (decided.has(item.applicationId)) {
        return 'duplicate';
      }
      decided.add(item.applicationId);
      todo.push(item);
      return 'processed';
    });
    const now = new Date();
    const prepared = todo.map((item) => item.prepare(now));
    const rows = await this.ledger.appendMany(
      em,
      prepared.map((p) => p.draft),
    );
    await this.publisher.writeMany(
      em,
      rows.map((decision, k) => ({ ...prepared[k].announcement, decision })),
    );
    await this.cases.openMany(
      em,
      rows.flatMap((decision, k) => (decision.outcome === 'REFERRED' ? [prepared[k].referral(decision)] : [])),
      now,
    );
    return results;
  }

  /** Each item's verdict from its consumer's inbox (events of several topics can share a group). */
  private async claim(em: EntityManager, items: readonly PendingDecision[]): Promise<InboxVerdict[]> {
    const verdicts = new Array<InboxVerdict>(items.length);
    for (const consumer of new Set(items.map((i) => i.consumer))) {
      const indexes = items.flatMap((i, k) => (i.consumer === consumer ? [k] : []));
      const got = await this.inbox.claim(
        em,
        consumer,
        indexes.map((k) => items[k].inbox),
      );
      indexes.forEach((k, j) => (verdicts[k] = got[j]));
    }
    return verdicts;
  }

  /** Any decision counts, automatic or human: an application is decided automatically at most once. */
  private async alreadyDecided(em: EntityManager, applicationIds: string[]): Promise<Set<string>> {
    if (applicationIds.length === 0) {
      return new Set();
    }
    const rows = await em.find(DecisionEntity, {
      select: { applicationId: true },
      where: { applicationId: In(applicationIds) },
    });
    return new Set(rows.map((r) => r.applicationId));
  }
}
