import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { keysetPages } from '@loanmesh/database';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DecisionEntity } from '../decisions/decision.entity';
import { type LabelSource, type LabelValue, LabelEntity } from './label.entity';
import { LabelException } from './label.exception';

const PAGE = 500;
/** Who recorded outcome labels that arrive from core banking's loan events. */
export const REPORTED_BY = 'core-banking';

export type OutcomeLabel = Extract<LabelValue, 'DEFAULTED' | 'REPAID'>;

/** Training labels: officer decisions and repayment/default outcomes, with the features scored. */
@Injectable()
export class LabelService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    manager: EntityManager,
    applicationId: string,
    label: LabelValue,
    source: LabelSource,
    by: string,
  ): Promise<void> {
    const automatic = await manager.findOne(DecisionEntity, { where: { applicationId, automatic: true } });
    if (!automatic) {
      throw LabelException.noDecision(applicationId);
    }
    const scored = automatic.content.scored as { featureNames?: string[]; featureVector?: number[] } | undefined;
    await manager.insert(LabelEntity, {
      applicationId,
      label,
      source,
      recordedBy: by,
      recordedAt: new Date(),
      modelVersion: typeof automatic.content.modelVersion === 'string' ? automatic.content.modelVersion : '',
      featureNames: scored?.featureNames ?? [],
      featureVector: scored?.featureVector ?? [],
    });
  }

  recordOutcome(user: AuthenticatedUser, applicationId: string, outcome: OutcomeLabel): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      if (await this.hasOutcome(em, applicationId)) {
        throw LabelException.outcomeExists(applicationId);
      }
      await this.record(em, applicationId, outcome, 'OUTCOME', user.username);
    });
  }

  /**
   * A repayment or default reported by core banking: labelled when LoanMesh decided the
   * application, skipped when it did not (a loan from before LoanMesh), a duplicate when the
   * application already has its outcome.
   */
  async recordReportedOutcome(
    manager: EntityManager,
    applicationId: string,
    outcome: OutcomeLabel,
  ): Promise<'processed' | 'skipped' | 'duplicate'> {
    if (!(await manager.exists(DecisionEntity, { where: { applicationId, automatic: true } }))) {
      return 'skipped';
    }
    if (await this.hasOutcome(manager, applicationId)) {
      return 'duplicate';
    }
    await this.record(manager, applicationId, outcome, 'OUTCOME', REPORTED_BY);
    return 'processed';
  }

  private hasOutcome(manager: EntityManager, applicationId: string): Promise<boolean> {
    return manager.exists(LabelEntity, { where: { applicationId, source: 'OUTCOME' } });
  }

  /** Labels page by page in id order, so an export holds one page in memory at a time. */
  pages(): AsyncGenerator<LabelEntity[]> {
    return keysetPages(this.dataSource.getRepository(LabelEntity), 'id', '0', PAGE);
  }
}
