import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { type DriftAlertStatus, type ModelDriftAlertEvent, modelDriftAlertSchema, Topics } from '@loanmesh/contracts';
import { OutboxRelayService, OutboxWriter } from '@loanmesh/database';

import { ClockAdapter } from '../common/clock.adapter';
import type { InferenceConfig } from '../config/inference.config';
import { analysePeriod, type DriftThresholds, type PeriodDrift, type SubjectDrift } from './drift-analysis';
import { DriftAlertEntity } from './drift-alert.entity';
import { baselineOfCard } from './drift-baseline';
import { type DriftGranularity, type DriftPeriod, periodOf, periodsEndingAt } from './drift-period';
import { DriftRepository, type ScoringModel } from './drift.repository';

export interface ModelDrift {
  modelVersionId: string;
  modelVersion: string;
  role: string;
  /** False when the card has no score baseline: nothing can be measured. */
  baseline: boolean;
  periods: (PeriodDrift & { period: string })[];
}

export interface DriftReport {
  granularity: DriftGranularity;
  thresholds: DriftThresholds;
  models: ModelDrift[];
}

/** An alert row and what its event adds. */
type RaisedAlert = DriftAlertEntity & { modelVersion: string; subjectKind: 'score' | 'feature' };

const ALERTING: ReadonlySet<string> = new Set<DriftAlertStatus>(['watch', 'act', 'data-problem']);

/**
 * Population stability of each scoring model's score and features against its training
 * baseline, per day or month, from the scores inference stores; and the alerts: a subject
 * at watch, act or data-problem in the current day or month is announced once on
 * `inference.model-drift.v1` through the outbox.
 */
@Injectable()
export class DriftService {
  private readonly logger = new Logger(DriftService.name);
  private readonly thresholds: DriftThresholds;

  constructor(
    @Inject(APP_CONFIG) config: InferenceConfig,
    private readonly repository: DriftRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly clock: ClockAdapter,
  ) {
    this.thresholds = {
      watch: config.DRIFT_PSI_WATCH,
      act: Math.max(config.DRIFT_PSI_WATCH, config.DRIFT_PSI_ACT),
      minApplications: config.DRIFT_MIN_APPLICATIONS,
      missingJump: config.DRIFT_MISSING_JUMP,
    };
  }

  async report(granularity: DriftGranularity, count: number): Promise<DriftReport> {
    const periods = periodsEndingAt(this.clock.now(), granularity, count);
    const from = periods[0].start;
    const to = periods[periods.length - 1].end;
    const models = await this.repository.modelsScoring(from, to);
    const drift: ModelDrift[] = [];
    for (const model of models) {
      drift.push(await this.modelDrift(model, periods));
    }
    return { granularity, thresholds: this.thresholds, models: drift };
  }

  /** Checks the current day and month of every scoring model; resolves to the alerts newly raised. */
  async check(): Promise<ModelDriftAlertEvent[]> {
    const now = this.clock.now();
    const alerts: RaisedAlert[] = [];
    for (const granularity of ['day', 'month'] as const) {
      const period = periodOf(now, granularity);
      for (const model of await this.repository.modelsScoring(period.start, period.end)) {
        const [drift] = (await this.modelDrift(model, [period])).periods;
        alerts.push(...alertsOf(model, granularity, period, drift, now));
      }
    }
    const events = await this.repository.transaction(async (m) => {
      const fresh = await this.repository.recordNew(m, alerts.map(rowOf));
      const raised = alerts.filter((a) => fresh.has(a.alertId)).map((a) => alertEvent(a, now));
      await this.outbox.write(
        m,
        raised.map((e) => ({ topic: Topics.modelDrift, key: e.payload.modelVersionId, payload: e })),
      );
      return raised;
    });
    if (events.length > 0) {
      this.relay.wake();
      this.logger.warn({ msg: 'drift alerts raised', alerts: events.map((e) => e.payload.alertId) });
    }
    return events;
  }

  private async modelDrift(model: ScoringModel, periods: readonly DriftPeriod[]): Promise<ModelDrift> {
    const baseline = baselineOfCard(model.card);
    const head = { modelVersionId: model.id, modelVersion: model.label, role: model.role };
    if (!baseline) {
      return { ...head, baseline: false, periods: [] };
    }
    const scores = await this.repository.scores(model.id, periods[0].start, periods[periods.length - 1].end);
    return {
      ...head,
      baseline: true,
      periods: periods.map((p) => ({
        period: p.key,
        ...analysePeriod(
          baseline,
          model.featureNames,
          scores.filter((s) => s.scoredAt >= p.start && s.scoredAt < p.end),
          this.thresholds,
        ),
      })),
    };
  }
}

function alertsOf(
  model: ScoringModel,
  granularity: DriftGranularity,
  period: DriftPeriod,
  drift: PeriodDrift | undefined,
  now: Date,
): RaisedAlert[] {
  const subjects: SubjectDrift[] = drift ? [drift.score, ...drift.features] : [];
  return subjects
    .filter((s) => ALERTING.has(s.status))
    .map((s) => ({
      alertId: `${model.id}:${s.subject}:${granularity}:${period.key}:${s.status}`,
      modelVersionId: model.id,
      modelVersion: model.label,
      subject: s.subject,
      subjectKind: s.kind,
      granularity,
      periodStart: period.key,
      status: s.status as DriftAlertStatus,
      psi: s.psi ?? 0,
      applications: s.applications,
      detail: s.detail,
      raisedAt: now,
    }));
}

function rowOf({ modelVersion: _v, subjectKind: _k, ...row }: RaisedAlert): DriftAlertEntity {
  return row;
}

function alertEvent(a: RaisedAlert, now: Date): ModelDriftAlertEvent {
  return modelDriftAlertSchema.parse({
    eventId: randomUUID(),
    type: 'model.drift-alert',
    schemaVersion: 1,
    occurredAt: now.toISOString(),
    producedAt: now.toISOString(),
    source: 'inference',
    correlationId: a.alertId.slice(0, 128),
    payload: {
      alertId: a.alertId,
      modelVersionId: a.modelVersionId,
      modelVersion: a.modelVersion,
      subject: a.subject,
      subjectKind: a.subjectKind,
      granularity: a.granularity,
      periodStart: a.periodStart,
      status: a.status,
      psi: a.psi,
      applications: a.applications,
      detail: a.detail,
      detectedAt: now.toISOString(),
    },
  });
}
