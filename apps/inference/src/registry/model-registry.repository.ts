import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { ModelPromotionEntity } from './model-promotion.entity';
import type { ModelState } from './model-state';
import { ModelVersionEntity } from './model-version.entity';

/** Serializes registry writers across replicas: one promotion or registration at a time. */
const REGISTRY_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('inference.model-registry'))`;

export interface StateChange {
  model: ModelVersionEntity;
  to: ModelState;
  by: string;
  note: string;
  at: Date;
}

/** How the promotion log notes a champion replaced by a promotion (the standby query reads it). */
export const REPLACED_NOTE = 'replaced by ';

@Injectable()
export class ModelRegistryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction holding the registry lock. */
  async locked<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(REGISTRY_LOCK_SQL);
      return work(manager);
    });
  }

  list(): Promise<ModelVersionEntity[]> {
    return this.dataSource.getRepository(ModelVersionEntity).find({ order: { name: 'ASC', version: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<ModelVersionEntity | null> {
    return (manager ?? this.dataSource.manager).findOne(ModelVersionEntity, { where: { id } });
  }

  findInState(state: ModelState, manager?: EntityManager): Promise<ModelVersionEntity | null> {
    return (manager ?? this.dataSource.manager).findOne(ModelVersionEntity, { where: { state } });
  }

  /** One registered version by its label's parts (`name:vN`). */
  findByNameVersion(name: string, version: number): Promise<ModelVersionEntity | null> {
    return this.dataSource.manager.findOne(ModelVersionEntity, { where: { name, version } });
  }

  /** The newest registered version of a model name. */
  findLatestByName(name: string): Promise<ModelVersionEntity | null> {
    return this.dataSource.manager.findOne(ModelVersionEntity, { where: { name }, order: { version: 'DESC' } });
  }

  /**
   * The hot standby: the most recent champion replaced by a promotion (its last log entry says
   * so), not one that was rolled back and not the champion again.
   */
  findStandby(manager?: EntityManager): Promise<ModelVersionEntity | null> {
    return (manager ?? this.dataSource.manager)
      .createQueryBuilder(ModelVersionEntity, 'm')
      .innerJoin(ModelPromotionEntity, 'p', 'p.model_version_id = m.id')
      .where(`m.state = 'retired' AND p.from_state = 'champion' AND p.note LIKE :replaced`, {
        replaced: `${REPLACED_NOTE}%`,
      })
      .andWhere('p.id = (SELECT MAX(l.id) FROM inference.model_promotions l WHERE l.model_version_id = m.id)')
      .orderBy('p.id', 'DESC')
      .getOne();
  }

  findBySha(manager: EntityManager, sha256: string): Promise<ModelVersionEntity | null> {
    return manager.findOne(ModelVersionEntity, { where: { sha256 } });
  }

  async nextVersion(manager: EntityManager, name: string): Promise<number> {
    const row = await manager
      .createQueryBuilder(ModelVersionEntity, 'm')
      .select('COALESCE(MAX(m.version), 0)', 'max')
      .where('m.name = :name', { name })
      .getRawOne<{ max: number }>();
    return Number(row?.max ?? 0) + 1;
  }

  insert(manager: EntityManager, model: Omit<ModelVersionEntity, 'id'>): Promise<ModelVersionEntity> {
    return manager.save(ModelVersionEntity, manager.create(ModelVersionEntity, model));
  }

  /** Moves a model to a state and appends the change to the promotion log. */
  async changeState(manager: EntityManager, c: StateChange): Promise<void> {
    await manager.update(ModelVersionEntity, { id: c.model.id }, { state: c.to, stateChangedAt: c.at });
    await manager.insert(ModelPromotionEntity, {
      modelVersionId: c.model.id,
      fromState: c.model.state,
      toState: c.to,
      promotedBy: c.by,
      promotedAt: c.at,
      note: c.note,
    });
  }

  promotions(modelVersionId: string): Promise<ModelPromotionEntity[]> {
    return this.dataSource.manager.find(ModelPromotionEntity, { where: { modelVersionId }, order: { id: 'ASC' } });
  }
}
