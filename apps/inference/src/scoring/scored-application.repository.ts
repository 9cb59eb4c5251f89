import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { ModelResult } from '@loanmesh/contracts';

import { ScoredApplicationEntity, type ScoreRole } from './scored-application.entity';

export interface StoredScore {
  role: ScoreRole;
  modelVersionId: string;
  result: ModelResult;
  scoringMs: number;
  /** The model's input vector, kept for drift monitoring. */
  vector?: ArrayLike<number>;
}

export interface ScoreRecord {
  eventId: string;
  applicationId: string;
  degraded: boolean;
  degradedReasons: string[];
  scoredAt: Date;
  scores: StoredScore[];
}

@Injectable()
export class ScoredApplicationRepository {
  async insertMany(manager: EntityManager, records: readonly ScoreRecord[]): Promise<void> {
    const rows = records.flatMap((record) =>
      record.scores.map((s) => ({
        eventId: record.eventId,
        applicationId: record.applicationId,
        role: s.role,
        modelVersionId: s.modelVersionId,
        modelVersion: s.result.modelVersion,
        probabilityOfDefault: s.result.probabilityOfDefault,
        riskGrade: s.result.riskGrade,
        logit: s.result.logit,
        reasons: s.result.reasons,
        degraded: s.role === 'champion' && record.degraded,
        degradedReasons: s.role === 'champion' ? record.degradedReasons : [],
        scoringMs: s.scoringMs,
        scoredAt: record.scoredAt,
        featureVector: s.vector ? Array.from(s.vector, (x) => (Number.isFinite(x) ? x : null)) : null,
      })),
    );
    if (rows.length === 0) {
      return;
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScoredApplicationEntity)
      .values(rows)
      .updateEntity(false)
      .execute();
  }
}
