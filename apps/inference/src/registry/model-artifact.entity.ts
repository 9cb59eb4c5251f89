import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registered model's bytes as the registry keeps them: immutable, keyed by their SHA-256. */
@Entity({ name: 'model_artifacts' })
export class ModelArtifactEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea' })
  onnx!: Buffer;

  @Column({ name: 'model_json', type: 'jsonb' })
  modelJson!: object;

  @Column({ name: 'references', type: 'jsonb', nullable: true })
  references!: object | null;

  @Column({ name: 'stored_at', type: 'timestamptz' })
  storedAt!: Date;
}
