import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ApplicationScoredEvent } from '@loanmesh/contracts';
import { DomainException } from '@loanmesh/observability';

import { DecisionEntity } from '../decisions/decision.entity';
import type { UpstreamActor } from '../common/upstream.client';
import { GraphClient } from '../graph/graph.client';
import { evaluatePolicy } from '../policy/decision-policy.evaluator';
import { OUTCOME_OF } from '../policy/policy-backtest';
import { PolicyService } from '../policy/policy.service';
import { InferenceClient } from './inference.client';
import { type FeatureChange, featureChanges, type ReplayStatus, ruleChanges, samePd } from './replay-diff';

type Scored = ApplicationScoredEvent['payload'];

/** What the automatic decision recorded (its ledger content). */
interface StoredDecision {
  outcome: string;
  policyVersion: number;
  modelVersion: string;
  modelSha256: string;
  probabilityOfDefault: number;
  riskGrade: string;
  ruleHits: { code: string }[];
  scored: Scored;
}

export interface DecisionReplay {
  applicationId: string;
  decisionId: string;
  decidedAt: string;
  replayedAt: string;
  /** SAME only when every part replayed and matched. */
  status: ReplayStatus;
  policy: {
    status: ReplayStatus;
    version: number;
    stored: string;
    replayed: string | null;
    ruleChanges: string[];
    reason?: string;
  };
  model: {
    status: ReplayStatus;
    modelVersion: string;
    storedPd: number;
    replayedPd: number | null;
    storedGrade: string;
    replayedGrade: string | null;
    hash?: string;
    reason?: string;
  };
  graph: { status: ReplayStatus; asOf: string | null; changes: FeatureChange[]; reason?: string };
}

/**
 * Replays an automatic decision as of its time: the pinned policy version re-evaluated on
 * the stored inputs, the pinned model version re-scoring the stored feature vector
 * (inference service), and the graph features recomputed as the graph stood on the
 * application day (graph service), each compared with what the ledger recorded. A service
 * that cannot answer makes its part UNAVAILABLE with the reason; the rest still replays.
 */
@Injectable()
export class DecisionReplayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly inference: InferenceClient,
    private readonly graph: GraphClient,
  ) {}

  /** `actor`: the signed-in user the upstream calls act for (in their service credentials). */
  async replay(applicationId: string, actor?: UpstreamActor, now = new Date()): Promise<DecisionReplay> {
    const row = await this.dataSource
      .getRepository(DecisionEntity)
      .findOne({ where: { applicationId, automatic: true } });
    if (!row) {
      throw new DomainException(
        'REPLAY_NO_DECISION',
        'NOT_FOUND',
        `no automatic decision for application ${applicationId}`,
      );
    }
    const stored = row.content as unknown as Partial<StoredDecision>;
    if (!isScored(stored)) {
      throw new DomainException(
        'REPLAY_NOT_SCORED',
        'CONFLICT',
        `application ${applicationId} was referred without a score (incomplete): there is nothing to replay`,
      );
    }
    const [policy, model, graph] = await Promise.all([
      this.policy(stored),
      this.model(stored, actor),
      this.graphPart(applicationId, stored, actor),
    ]);
    const parts = [policy.status, model.status, graph.status];
    const status: ReplayStatus = parts.includes('CHANGED')
      ? 'CHANGED'
      : parts.includes('UNAVAILABLE')
        ? 'UNAVAILABLE'
        : 'SAME';
    return {
      applicationId,
      decisionId: row.id,
      decidedAt: row.decidedAt.toISOString(),
      replayedAt: now.toISOString(),
      status,
      policy,
      model,
      graph,
    };
  }

  private async policy(stored: StoredDecision): Promise<DecisionReplay['policy']> {
    const base = { version: stored.policyVersion, stored: stored.outcome };
    const pinned = await this.policies.byVersion(stored.policyVersion);
    if (!pinned) {
      return {
        ...base,
        status: 'UNAVAILABLE',
        replayed: null,
        ruleChanges: [],
        reason: `policy version ${stored.policyVersion} not found`,
      };
    }
    const evaluation = evaluatePolicy(pinned.rules, stored.scored);
    const replayed = OUTCOME_OF[evaluation.outcome];
    const changes = ruleChanges(
      stored.ruleHits.map((h) => h.code),
      evaluation.ruleHits.map((h) => h.code),
    );
    return {
      ...base,
      status: replayed === stored.outcome && changes.length === 0 ? 'SAME' : 'CHANGED',
      replayed,
      ruleChanges: changes,
    };
  }

  private async model(stored: StoredDecision, actor?: UpstreamActor): Promise<DecisionReplay['model']> {
    const base = {
      modelVersion: stored.modelVersion,
      storedPd: stored.probabilityOfDefault,
      storedGrade: stored.riskGrade,
    };
    try {
      const answer = (await this.inference.post(
        '/models/replay',
        {
          modelVersion: stored.modelVersion,
          modelSha256: stored.modelSha256,
          featureVector: stored.scored.featureVector,
        },
        actor,
      )) as {
        hash: 'MATCH' | 'MISMATCH';
        registeredSha256: string;
        probabilityOfDefault: number | null;
        riskGrade: string | null;
      };
      if (answer.hash === 'MISMATCH') {
        return {
          ...base,
          status: 'CHANGED',
          replayedPd: null,
          replayedGrade: null,
          hash: 'MISMATCH',
          reason: `the registered file of ${stored.modelVersion} has hash ${answer.registeredSha256}`,
        };
      }
      const same =
        samePd(stored.probabilityOfDefault, answer.probabilityOfDefault) && answer.riskGrade === stored.riskGrade;
      return {
        ...base,
        status: same ? 'SAME' : 'CHANGED',
        replayedPd: answer.probabilityOfDefault,
        replayedGrade: answer.riskGrade,
        hash: 'MATCH',
      };
    } catch (e) {
      return { ...base, status: 'UNAVAILABLE', replayedPd: null, replayedGrade: null, reason: reasonOf(e) };
    }
  }

  private async graphPart(
    applicationId: string,
    stored: StoredDecision,
    actor?: UpstreamActor,
  ): Promise<DecisionReplay['graph']> {
    try {
      const view = (await this.graph.get(`/applications/${encodeURIComponent(applicationId)}/features`, actor)) as {
        asOf: string;
        features: Record<string, unknown>;
      };
      const changes = featureChanges(stored.scored.graph as Record<string, unknown>, view.features);
      return { status: changes.length === 0 ? 'SAME' : 'CHANGED', asOf: view.asOf, changes };
    } catch (e) {
      return { status: 'UNAVAILABLE', asOf: null, changes: [], reason: reasonOf(e) };
    }
  }
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Only a decision taken on a score can be replayed; an incomplete application's referral has none. */
function isScored(stored: Partial<StoredDecision>): stored is StoredDecision {
  return stored.scored !== undefined;
}
