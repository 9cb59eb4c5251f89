import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MetricsService } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DecisionLedgerService } from '../decisions/decision-ledger.service';
import { DecisionPublisherService, NO_MODEL_VERSION } from '../decisions/decision-publisher.service';
import { principalReasons } from '../decisions/principal-reasons';
import { LabelService } from '../labels/label.service';
import { type CaseChange, CaseTransactionService } from './case-transaction.service';
import type { CaseEntity, HumanOutcome, ProposedDecision } from './case.entity';
import { CaseException } from './case.exception';
import { FourEyesException } from './four-eyes.exception';
import { reasonOf } from './reason-taxonomy';

export interface HumanDecisionInput {
  outcome: HumanOutcome;
  reasonCode: string;
  note: string;
}

/**
 * Human decisions. Without four-eyes the claimant decides; with four-eyes the claimant
 * proposes and a different senior officer confirms. Final decisions go to the ledger,
 * Kafka (through the outbox) and the labels, in the case's transaction.
 */
@Injectable()
export class CaseDecisionService {
  constructor(
    private readonly tx: CaseTransactionService,
    private readonly ledger: DecisionLedgerService,
    private readonly publisher: DecisionPublisherService,
    private readonly labels: LabelService,
    private readonly metrics: MetricsService,
  ) {}

  async decide(id: string, user: AuthenticatedUser, input: HumanDecisionInput): Promise<CaseEntity> {
    const reason = reasonOf(input.reasonCode);
    if (!reason) {
      throw CaseException.unknownReason(input.reasonCode);
    }
    if (reason.outcome !== input.outcome) {
      throw CaseException.reasonOutcomeMismatch(input.reasonCode);
    }
    const saved = await this.tx.step(id, (c, em) => {
      if (c.status !== 'CLAIMED') {
        throw CaseException.wrongStatus(c.status, 'decide');
      }
      if (c.assignee !== user.username) {
        throw CaseException.notAssignee();
      }
      const proposal: ProposedDecision = { ...input, proposedBy: user.username, proposedAt: new Date().toISOString() };
      if (c.fourEyesRequired) {
        c.status = 'AWAITING_CONFIRMATION';
        c.proposal = proposal;
        return { action: 'PROPOSED', actor: user.username, details: { ...input, fourEyesReasons: c.fourEyesReasons } };
      }
      return this.finalize(em, c, proposal, null);
    });
    this.publisher.flush();
    return saved;
  }

  async confirm(id: string, user: AuthenticatedUser, agree: boolean, note: string): Promise<CaseEntity> {
    const saved = await this.tx.step(id, (c, em) => {
      if (c.status !== 'AWAITING_CONFIRMATION' || !c.proposal) {
        throw FourEyesException.nothingToConfirm();
      }
      if (c.proposal.proposedBy === user.username) {
        throw FourEyesException.samePerson();
      }
      if (!agree) {
        const refused = c.proposal;
        c.status = 'CLAIMED';
        c.assignee = refused.proposedBy;
        c.proposal = null;
        return { action: 'CONFIRMATION_REFUSED', actor: user.username, details: { note, refused } };
      }
      return this.finalize(em, c, c.proposal, { by: user.username, note });
    });
    this.publisher.flush();
    return saved;
  }

  private async finalize(
    em: EntityManager,
    c: CaseEntity,
    proposal: ProposedDecision,
    confirmation: { by: string; note: string } | null,
  ): Promise<CaseChange> {
    const now = new Date();
    const s = c.snapshot;
    const override = isOverride(c.modelRecommendation, proposal.outcome);
    const officerReason = {
      code: proposal.reasonCode,
      feature: 'officerDecision',
      contribution: 1000,
      text: reasonOf(proposal.reasonCode)?.text ?? proposal.reasonCode,
      source: 'RULE' as const,
    };
    const reasons =
      proposal.outcome === 'DECLINED'
        ? [officerReason, ...principalReasons(s.champion?.reasons ?? [], s.ruleHits, s.explanations)].slice(0, 4)
        : [];
    const hops = { ...s.hops, decidedAt: now.getTime() };
    const decidedBy = confirmation ? confirmation.by : proposal.proposedBy;
    const decision = await this.ledger.append(em, {
      applicationId: c.applicationId,
      companyId: c.companyId,
      outcome: proposal.outcome,
      automatic: false,
      decidedBy,
      decidedAt: now,
      content: {
        kind: 'HUMAN',
        caseId: c.id,
        applicationId: c.applicationId,
        companyId: c.companyId,
        outcome: proposal.outcome,
        proposedBy: proposal.proposedBy,
        confirmedBy: confirmation?.by ?? null,
        reasonCode: proposal.reasonCode,
        note: proposal.note,
        confirmationNote: confirmation?.note ?? null,
        override,
        modelRecommendation: c.modelRecommendation,
        policyVersion: s.policyVersion,
        modelVersion: s.champion?.modelVersion ?? NO_MODEL_VERSION,
        modelSha256: s.champion?.modelSha256 ?? null,
        probabilityOfDefault: s.champion?.probabilityOfDefault ?? null,
        riskGrade: s.champion?.riskGrade ?? null,
        ruleHits: s.ruleHits,
        principalReasons: reasons,
        automaticDecisionId: s.automaticDecisionId,
        hops,
      },
    });
    await this.publisher.write(em, {
      decision,
      principalReasons: reasons,
      policyVersion: s.policyVersion,
      modelVersion: s.champion?.modelVersion ?? NO_MODEL_VERSION,
      hops,
    });
    await this.labels.record(em, c.applicationId, proposal.outcome, 'OFFICER_DECISION', decidedBy);
    c.status = 'DECIDED';
    c.outcome = proposal.outcome;
    c.decidedAt = now;
    c.proposal = proposal;
    this.metrics
      .counter('loanmesh_review_decisions_total', 'Decisions by outcome and kind', ['outcome', 'automatic'])
      .inc({ outcome: proposal.outcome, automatic: 'false' });
    return {
      action: confirmation ? 'CONFIRMED' : 'DECIDED',
      actor: decidedBy,
      details: {
        outcome: proposal.outcome,
        reasonCode: proposal.reasonCode,
        note: confirmation?.note ?? proposal.note,
        override,
        decisionId: decision.id,
      },
    };
  }
}

/** A human outcome against a clear model recommendation (auto approve or decline) is an override. */
export function isOverride(recommendation: string, outcome: HumanOutcome): boolean {
  return (
    (recommendation === 'AUTO_APPROVE' && outcome === 'DECLINED') ||
    (recommendation === 'AUTO_DECLINE' && outcome === 'APPROVED')
  );
}
