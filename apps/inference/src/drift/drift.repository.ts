import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { ModelVersionEntity, versionLabel } from '../registry/model-version.entity';
import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import type { ScoredVector } from './drift-analysis';
import { DriftAlertEntity } from './drift-alert.entity';

/** A model version that scored applications in a window, with what drift needs from the registry. */
export interface ScoringModel {
  id: string;
  label: string;
  role: string;
  featureNames: string[];
  card: object;
}

export interface TimedScore extends ScoredVector {
  scoredAt: Date;
}

@Injectable()
export class DriftRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Model versions with scores in [from, to), champion rows before challenger rows. */
  async modelsScoring(from: Date, to: Date): Promise<ScoringModel[]> {
    const rows = await this.dataSource
      .createQueryBuilder(ScoredApplicationEntity, 's')
      .innerJoin(ModelVersionEntity, 'm', 'm.id = s.model_version_id')
      .select('m.id', 'id')
      .addSelect('m.name', 'name')
      .addSelect('m.version', 'version')
      // 'champion' sorts after 'challenger': MAX says whether the version served as champion at all.
      .addSelect('MAX(s.role)', 'role')
      .addSelect('m.feature_names', 'featureNames')
      .addSelect('m.card', 'card')
      .where('s.scored_at >= :from AND s.scored_at < :to', { from, to })
      .groupBy('m.id')
      .orderBy('role', 'DESC')
      .addOrderBy('m.name')
      .addOrderBy('m.version')
      .getRawMany<Omit<ScoringModel, 'label'> & { name: string; version: number }>();
    return rows.map(({ name, version, ...m }) => ({ ...m, label: versionLabel({ name, version }) }));
  }

  /** The model's stored scores in [from, to): raw logit and the vector it scored. */
  async scores(modelVersionId: string, from: Date, to: Date): Promise<TimedScore[]> {
    const rows = await this.dataSource
      .createQueryBuilder(ScoredApplicationEntity, 's')
      .select('s.logit', 'logit')
      .addSelect('s.feature_vector', 'features')
      .addSelect('s.scored_at', 'scoredAt')
      .where('s.model_version_id = :id', { id: modelVersionId })
      .andWhere('s.scored_at >= :from AND s.scored_at < :to', { from, to })
      .getRawMany<TimedScore>();
    return rows;
  }

  /** Records alerts not raised before; resolves to the ids that are new (the ones to announce). */
  async recordNew(manager: EntityManager, alerts: readonly DriftAlertEntity[]): Promise<Set<string>> {
    if (alerts.length === 0) {
      return new Set();
    }
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DriftAlertEntity)
      .values([...alerts])
      .orIgnore()
      .returning('alert_id')
      .updateEntity(false)
      .execute();
    return new Set((result.raw as { alert_id: string }[]).map((r) => r.alert_id));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
