import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { ReasonCode, TrainingOutcomeRow, TrainingOutcomes } from '@loanmesh/contracts';

import { ModelVersionEntity, versionLabel } from '../registry/model-version.entity';
import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import { OutcomeLabelEntity } from './outcome-label.entity';

interface Raw {
  applicationId: string;
  defaulted: boolean;
  scoredAt: Date;
  modelVersion: string;
  pd: number;
  reasons: ReasonCode[];
  vector: (number | null)[];
  names: string[];
}

/**
 * The matured outcomes as training rows for `npm run retrain`: per labelled application, the
 * latest champion score that kept its vector (rows from before vectors were kept are skipped).
 */
@Injectable()
export class TrainingOutcomesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rows(): Promise<TrainingOutcomes> {
    const champion = await this.dataSource.manager.findOne(ModelVersionEntity, { where: { state: 'champion' } });
    const raw = await this.dataSource
      .createQueryBuilder(ScoredApplicationEntity, 's')
      .innerJoin(OutcomeLabelEntity, 'l', 'l.application_id = s.application_id')
      .innerJoin(ModelVersionEntity, 'm', 'm.id = s.model_version_id')
      .distinctOn(['s.application_id'])
      .select('s.application_id', 'applicationId')
      .addSelect('l.defaulted', 'defaulted')
      .addSelect('s.scored_at', 'scoredAt')
      .addSelect('s.model_version', 'modelVersion')
      .addSelect('s.probability_of_default', 'pd')
      .addSelect('s.reasons', 'reasons')
      .addSelect('s.feature_vector', 'vector')
      .addSelect('m.feature_names', 'names')
      .where(`s.role = 'champion' AND s.feature_vector IS NOT NULL`)
      .orderBy('s.application_id')
      .addOrderBy('s.scored_at', 'DESC')
      .getRawMany<Raw>();
    return { champion: champion ? versionLabel(champion) : null, rows: raw.map(toRow) };
  }
}

function toRow(r: Raw): TrainingOutcomeRow {
  return {
    applicationId: r.applicationId,
    defaulted: r.defaulted,
    scoredAt: new Date(r.scoredAt).toISOString(),
    modelVersion: r.modelVersion,
    probabilityOfDefault: r.pd,
    reasonCodes: r.reasons.filter((x) => x.source === 'MODEL').map((x) => x.code),
    features: Object.fromEntries(r.names.map((name, i) => [name, r.vector[i] ?? null])),
  };
}
