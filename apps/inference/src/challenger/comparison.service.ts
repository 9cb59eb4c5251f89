import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { bootstrapOutcomeMetrics, type Interval, type OutcomeMetrics } from '@loanmesh/ml';

import type { InferenceConfig } from '../config/inference.config';
import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import { OutcomeLabelEntity } from './outcome-label.entity';

/** Champion against challenger on the matured outcomes of the applications both scored. */
export interface OutcomeComparison {
  approvalRate: number;
  resamples: number;
  seed: number;
  champion: OutcomeMetrics;
  challenger: OutcomeMetrics;
  /** Challenger AUC minus champion AUC, paired bootstrap 95% interval. */
  aucGain: Interval;
}

export interface ComparisonRow {
  championVersion: string;
  challengerVersion: string;
  applications: number;
  gradeAgreement: number;
  meanPdDifference: number;
  meanAbsPdDifference: number;
  /** AUC of each side on the labelled applications; null without both outcomes among them. */
  championAuc: number | null;
  challengerAuc: number | null;
  labelledOutcomes: number;
  /** AUC, KS, bad rate at the approval rate and calibration with intervals; null without both outcomes. */
  outcomes: OutcomeComparison | null;
}

interface PairRow {
  champion: string;
  challenger: string;
  n: string;
  agree: string;
  diff: string;
  absdiff: string;
}

interface LabelledRow {
  champion: string;
  challenger: string;
  championPd: number;
  challengerPd: number;
  defaulted: boolean;
}

/** Champion versus challenger on every application both scored, per pair of versions. */
@Injectable()
export class ComparisonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: InferenceConfig,
  ) {}

  async report(): Promise<ComparisonRow[]> {
    const [pairs, labelled] = await Promise.all([this.pairs(), this.labelled()]);
    return pairs.map((r) => {
      const mine = labelled.filter((l) => l.champion === r.champion && l.challenger === r.challenger);
      const outcomes = this.compare(mine);
      return {
        championVersion: r.champion,
        challengerVersion: r.challenger,
        applications: Number(r.n),
        gradeAgreement: Number(r.agree),
        meanPdDifference: Number(r.diff),
        meanAbsPdDifference: Number(r.absdiff),
        championAuc: outcomes?.champion.auc.value ?? null,
        challengerAuc: outcomes?.challenger.auc.value ?? null,
        labelledOutcomes: mine.length,
        outcomes,
      };
    });
  }

  /** Null until the labelled applications hold both a default and a repayment (AUC and KS need both). */
  private compare(rows: readonly LabelledRow[]): OutcomeComparison | null {
    const labels = Uint8Array.from(rows, (l) => (l.defaulted ? 1 : 0));
    const bads = labels.reduce((s, y) => s + y, 0);
    if (bads === 0 || bads === labels.length) {
      return null;
    }
    const result = bootstrapOutcomeMetrics(
      [Float64Array.from(rows, (l) => l.championPd), Float64Array.from(rows, (l) => l.challengerPd)],
      labels,
      {
        approvalRate: this.config.COMPARISON_APPROVAL_RATE,
        resamples: this.config.COMPARISON_BOOTSTRAP_RESAMPLES,
        seed: this.config.COMPARISON_BOOTSTRAP_SEED,
      },
    );
    return {
      approvalRate: result.approvalRate,
      resamples: result.resamples,
      seed: result.seed,
      champion: result.models[0],
      challenger: result.models[1],
      aucGain: result.aucGainOverFirst[1],
    };
  }

  private pairs(): Promise<PairRow[]> {
    return this.joined()
      .select('p.model_version', 'champion')
      .addSelect('c.model_version', 'challenger')
      .addSelect('COUNT(*)', 'n')
      .addSelect('AVG(CASE WHEN p.risk_grade = c.risk_grade THEN 1.0 ELSE 0.0 END)', 'agree')
      .addSelect('AVG(c.probability_of_default - p.probability_of_default)', 'diff')
      .addSelect('AVG(ABS(c.probability_of_default - p.probability_of_default))', 'absdiff')
      .groupBy('p.model_version')
      .addGroupBy('c.model_version')
      .orderBy('n', 'DESC')
      .getRawMany<PairRow>();
  }

  /** In application order, so the bootstrap's draws (and so its intervals) do not depend on the plan. */
  private labelled(): Promise<LabelledRow[]> {
    return this.joined()
      .innerJoin(OutcomeLabelEntity, 'l', 'l.application_id = p.application_id')
      .select('p.model_version', 'champion')
      .addSelect('c.model_version', 'challenger')
      .addSelect('p.probability_of_default', 'championPd')
      .addSelect('c.probability_of_default', 'challengerPd')
      .addSelect('l.defaulted', 'defaulted')
      .orderBy('p.application_id')
      .addOrderBy('p.event_id')
      .getRawMany<LabelledRow>();
  }

  private joined() {
    return this.dataSource
      .createQueryBuilder(ScoredApplicationEntity, 'p')
      .innerJoin(ScoredApplicationEntity, 'c', `c.event_id = p.event_id AND c.role = 'challenger'`)
      .where(`p.role = 'champion'`);
  }
}
