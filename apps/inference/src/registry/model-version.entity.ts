import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ModelKind, ModelState } from './model-state';

/** One registered model file with its card; `name:vN` is what scored results cite. */
@Entity({ name: 'model_versions' })
@Index('UQ_model_versions_name_version', ['name', 'version'], { unique: true })
@Index('UQ_model_versions_sha256', ['sha256'], { unique: true })
export class ModelVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  kind!: ModelKind;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'file_path', type: 'text' })
  filePath!: string;

  @Column({ name: 'file_bytes', type: 'int' })
  fileBytes!: number;

  @Column({ name: 'feature_names', type: 'jsonb' })
  featureNames!: string[];

  @Column({ name: 'feature_version', type: 'text' })
  featureVersion!: string;

  @Column({ name: 'includes_graph', type: 'boolean' })
  includesGraph!: boolean;

  @Column({ type: 'jsonb' })
  card!: object;

  @Column({ type: 'text' })
  state!: ModelState;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'state_changed_at', type: 'timestamptz' })
  stateChangedAt!: Date;
}

/** The label a scored result carries for this version. */
export function versionLabel(m: Pick<ModelVersionEntity, 'name' | 'version'>): string {
  return `${m.name}:v${m.version}`;
}
