import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { keysetPages } from '@loanmesh/database';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DecisionEntity } from '../decisions/decision.entity';
import { type LabelSource, type LabelValue, LabelEntity } from './label.entity';
import { LabelException } from './label.exception';
import { OutcomeLabelPublisher } from './outcome-label.publisher';
import { scoredFeaturesOf } from './scored-features';

const PAGE = 500;
/** Who recorded outcome labels that arrive from core banking's loan events. */
export const REPORTED_BY = 'core-banking';

export type OutcomeLabel = Extract<LabelValue, 'DEFAULTED' | 'REPAID'>;

/** Training labels: officer decisions and repayment/default outcomes, with the features scored. */
@Injectable()
export class LabelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutcomeLabelPublisher,
  ) {}

  /** Records a label with the features the application was scored on; resolves to the row written. */
  async record(
    manager: EntityManager,
    applicationId: string,
    label: LabelValue,
    source: LabelSource,
    by: string,
  ): Promise<Pick<LabelEntity, 'recordedAt' | 'modelVersion'>> {
    const automatic = await manager.findOne(DecisionEntity, { where: { applicationId, automatic: true } });
    if (!automatic) {
      throw LabelException.noDecision(applicationId);
    }
    const row = {
      applicationId,
      label,
      source,
      recordedBy: by,
      recordedAt: new Date(),
      ...scoredFeaturesOf(automatic),
    };
    await manager.insert(LabelEntity, row);
    return row;
  }

  async recordOutcome(user: AuthenticatedUser, applicationId: string, outcome: OutcomeLabel): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (await this.hasOutcome(em, applicationId)) {
        throw LabelException.outcomeExists(applicationId);
      }
      await this.recordAndAnnounce(em, applicationId, outcome, user.username);
    });
    this.publisher.flush();
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
    await this.recordAndAnnounce(manager, applicationId, outcome, REPORTED_BY);
    return 'processed';
  }

  /** An outcome label and its announcement to inference, in the caller's transaction. */
  private async recordAndAnnounce(
    manager: EntityManager,
    applicationId: string,
    outcome: OutcomeLabel,
    by: string,
  ): Promise<void> {
    const row = await this.record(manager, applicationId, outcome, 'OUTCOME', by);
    await this.publisher.write(manager, {
      applicationId,
      outcome,
      labelledBy: by,
      labelledAt: row.recordedAt,
      modelVersion: row.modelVersion,
    });
  }

  /** Call after a transaction that recorded reported outcomes: publish them now. */
  flushAnnouncements(): void {
    this.publisher.flush();
  }

  private hasOutcome(manager: EntityManager, applicationId: string): Promise<boolean> {
    return manager.exists(LabelEntity, { where: { applicationId, source: 'OUTCOME' } });
  }

  /** Labels page by page in id order, so an export holds one page in memory at a time. */
  pages(): AsyncGenerator<LabelEntity[]> {
    return keysetPages(this.dataSource.getRepository(LabelEntity), 'id', '0', PAGE);
  }
}
