import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { ScoredApplicationEntity } from '../scoring/scored-application.entity';

export interface ComparisonRow {
  championVersion: string;
  challengerVersion: string;
  applications: number;
  gradeAgreement: number;
  meanPdDifference: number;
  meanAbsPdDifference: number;
  /** AUC on labelled outcomes; null until outcome labels reach this service (none do yet). */
  championAuc: number | null;
  challengerAuc: number | null;
  labelledOutcomes: number;
}

interface RawRow {
  champion: string;
  challenger: string;
  n: string;
  agree: string;
  diff: string;
  absdiff: string;
}

/** Champion versus challenger on every application both scored, per pair of versions. */
@Injectable()
export class ComparisonService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(): Promise<ComparisonRow[]> {
    const rows = await this.dataSource
      .createQueryBuilder(ScoredApplicationEntity, 'p')
      .innerJoin(ScoredApplicationEntity, 'c', `c.event_id = p.event_id AND c.role = 'challenger'`)
      .where(`p.role = 'champion'`)
      .select('p.model_version', 'champion')
      .addSelect('c.model_version', 'challenger')
      .addSelect('COUNT(*)', 'n')
      .addSelect('AVG(CASE WHEN p.risk_grade = c.risk_grade THEN 1.0 ELSE 0.0 END)', 'agree')
      .addSelect('AVG(c.probability_of_default - p.probability_of_default)', 'diff')
      .addSelect('AVG(ABS(c.probability_of_default - p.probability_of_default))', 'absdiff')
      .groupBy('p.model_version')
      .addGroupBy('c.model_version')
      .orderBy('n', 'DESC')
      .getRawMany<RawRow>();
    return rows.map((r) => ({
      championVersion: r.champion,
      challengerVersion: r.challenger,
      applications: Number(r.n),
      gradeAgreement: Number(r.agree),
      meanPdDifference: Number(r.diff),
      meanAbsPdDifference: Number(r.absdiff),
      championAuc: null,
      challengerAuc: null,
      labelledOutcomes: 0,
    }));
  }
}
