import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { auc } from '@loanmesh/ml';

import { ClockAdapter } from '../common/clock.adapter';
import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import { OutcomeLabelEntity } from './outcome-label.entity';
import type { OutcomeLabelsDto } from './outcome-labels.dto';

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
    private readonly clock: ClockAdapter,
  ) {}

  async report(): Promise<ComparisonRow[]> {
    const [pairs, labelled] = await Promise.all([this.pairs(), this.labelled()]);
    return pairs.map((r) => {
      const mine = labelled.filter((l) => l.champion === r.champion && l.challenger === r.challenger);
      const labels = mine.map((l) => (l.defaulted ? 1 : 0));
      return {
        championVersion: r.champion,
        challengerVersion: r.challenger,
        applications: Number(r.n),
        gradeAgreement: Number(r.agree),
        meanPdDifference: Number(r.diff),
        meanAbsPdDifference: Number(r.absdiff),
        championAuc: finiteOrNull(
          auc(
            mine.map((l) => l.championPd),
            labels,
          ),
        ),
        challengerAuc: finiteOrNull(
          auc(
            mine.map((l) => l.challengerPd),
            labels,
          ),
        ),
        labelledOutcomes: mine.length,
      };
    });
  }

  /** Records observed outcomes (upsert by application: a corrected label replaces the old one). */
  async recordOutcomes(dto: OutcomeLabelsDto): Promise<number> {
    const at = this.clock.now();
    const rows = dto.outcomes.map((o) => ({ ...o, labelledBy: dto.by, labelledAt: at }));
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(OutcomeLabelEntity)
      .values(rows)
      .orUpdate(['defaulted', 'labelled_by', 'labelled_at'], ['application_id'])
      .updateEntity(false)
      .execute();
    return rows.length;
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

  private labelled(): Promise<LabelledRow[]> {
    return this.joined()
      .innerJoin(OutcomeLabelEntity, 'l', 'l.application_id = p.application_id')
      .select('p.model_version', 'champion')
      .addSelect('c.model_version', 'challenger')
      .addSelect('p.probability_of_default', 'championPd')
      .addSelect('c.probability_of_default', 'challengerPd')
      .addSelect('l.defaulted', 'defaulted')
      .getRawMany<LabelledRow>();
  }

  private joined() {
    return this.dataSource
      .createQueryBuilder(ScoredApplicationEntity, 'p')
      .innerJoin(ScoredApplicationEntity, 'c', `c.event_id = p.event_id AND c.role = 'challenger'`)
      .where(`p.role = 'champion'`);
  }
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
