import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One labeller's answer on a task; append-only (a trigger refuses UPDATE and DELETE), a change is a new version. */
@Entity({ name: 'task_labels' })
@Index('task_labels_version_uq', ['taskId', 'labeller', 'version'], { unique: true })
export class TaskLabelEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ type: 'varchar', length: 64 })
  labeller!: string;

  @Column({ type: 'varchar', length: 64 })
  value!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
