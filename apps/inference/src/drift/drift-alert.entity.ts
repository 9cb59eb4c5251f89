import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { DriftAlertStatus } from '@loanmesh/contracts';

import type { DriftGranularity } from './drift-period';

/** A drift alert raised once: its id is the dedupe key of the monitor and of consumers. */
@Entity({ name: 'model_drift_alerts' })
export class DriftAlertEntity {
  @PrimaryColumn({ name: 'alert_id', type: 'text' })
  alertId!: string;

  @Column({ name: 'model_version_id', type: 'uuid' })
  modelVersionId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  granularity!: DriftGranularity;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ type: 'text' })
  status!: DriftAlertStatus;

  @Column({ type: 'double precision' })
  psi!: number;

  @Column({ type: 'int' })
  applications!: number;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
