import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { ModelArtifactEntity } from './model-artifact.entity';

/** What the registry stored for a version: the ONNX bytes, the explainable form, the training medians. */
export interface StoredModelArtifact {
  onnx: Uint8Array;
  modelJson: unknown;
  references: unknown;
}

/**
 * Where the loader finds a version's stored bytes. An abstract class so Nest can inject it and a
 * test without a database can pass `NO_STORED_ARTIFACTS` (every version then loads from its file).
 */
export abstract class ModelArtifactSource {
  abstract find(sha256: string): Promise<StoredModelArtifact | undefined>;
}

export const NO_STORED_ARTIFACTS: ModelArtifactSource = { find: () => Promise.resolve(undefined) };

/** The registry's copies of model artifacts in PostgreSQL (`inference.model_artifacts`), append-only. */
@Injectable()
export class ModelArtifactStore extends ModelArtifactSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** Stores the bytes once per hash; storing the same hash again changes nothing. */
  async store(manager: EntityManager, sha256: string, artifact: StoredModelArtifact): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ModelArtifactEntity)
      .values({
        sha256,
        onnx: Buffer.from(artifact.onnx),
        // Parsed JSON from the trainer's files, stored as it was read.
        modelJson: artifact.modelJson as object,
        references: artifact.references ?? null,
        storedAt: new Date(),
      })
      .orIgnore()
      .execute();
  }

  async find(sha256: string): Promise<StoredModelArtifact | undefined> {
    const row = await this.dataSource.manager.findOne(ModelArtifactEntity, { where: { sha256 } });
    return row
      ? { onnx: new Uint8Array(row.onnx), modelJson: row.modelJson, references: row.references ?? undefined }
      : undefined;
  }
}
