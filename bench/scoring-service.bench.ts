import { Logger } from '@nestjs/common';

import type { GraphFeaturesComputedEvent } from '@loanmesh/contracts';
import { MetricsService } from '@loanmesh/observability';
import { waitFor } from '@loanmesh/testing';

import { ClockAdapter } from '../apps/inference/src/common/clock.adapter';
import type { ModelVersionEntity } from '../apps/inference/src/registry/model-version.entity';
import { NO_STORED_ARTIFACTS } from '../apps/inference/src/registry/model-artifact.store';
import { ModelFilesAdapter } from '../apps/inference/src/registry/model-files.adapter';
import { ActiveModelsService } from '../apps/inference/src/scoring/active-models.service';
import { ModelLoaderService } from '../apps/inference/src/scoring/model-loader.service';
import { OnnxRuntimeAdapter } from '../apps/inference/src/scoring/onnx-runtime.adapter';
import { buildScoredEvent } from '../apps/inference/src/scoring/scored-event.factory';
import { ScoringEngineService } from '../apps/inference/src/scoring/scoring-engine.service';
import { ScoringMetrics } from '../apps/inference/src/scoring/scoring.metrics';
import { StandbyHandoverService } from '../apps/inference/src/scoring/standby-handover.service';
import { FeaturesEventFactory } from '../apps/inference/src/testing/features-event.factory';
import { committedModelVersion } from '../apps/inference/src/testing/committed-model.factory';
import { startInferenceApp } from '../apps/inference/src/testing/inference-test.app';
import { type BenchMetric, writeBenchResult } from './bench-result';

const SINGLE = 5_000;
const STREAM = 2_000;

async function version(name: string): Promise<ModelVersionEntity> {
  return (await committedModelVersion(name, { state: 'champion' })).version;
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * In-service path of one application: vector, ONNX, TreeSHAP, reasons, grade (what the
 * latency histogram measures), optionally plus building and validating the scored event.
 */
async function timeEngine(withChallenger: boolean, withEvent: boolean): Promise<Float64Array> {
  const loader = new ModelLoaderService(new ModelFilesAdapter(), new OnnxRuntimeAdapter(), NO_STORED_ARTIFACTS);
  const active = new ActiveModelsService();
  await active.replace({
    champion: await loader.load(await version('world-gbm-graph')),
    challenger: withChallenger ? await loader.load(await version('world-scorecard-graph')) : null,
    fallback: await loader.load(await version('world-gbm-tabular')),
    championProblem: null,
  });
  const clock = new ClockAdapter();
  const metrics = new ScoringMetrics(new MetricsService());
  const handover = new StandbyHandoverService(clock, metrics, {
    CHAMPION_LATENCY_BUDGET_MS: 1000,
    STANDBY_RETRY_MS: 30000,
  });
  const engine = new ScoringEngineService(active, clock, metrics, handover);
  const factory = new FeaturesEventFactory(5);
  const events: GraphFeaturesComputedEvent[] = Array.from({ length: 1000 }, () => factory.build());
  const one = async (e: GraphFeaturesComputedEvent): Promise<void> => {
    const outcome = await engine.score(e);
    if (withEvent) {
      buildScoredEvent(e, outcome, new Date());
    }
  };
  for (let i = 0; i < 500; i++) {
    await one(events[i % events.length]);
  }
  const times = new Float64Array(SINGLE);
  for (let i = 0; i < SINGLE; i++) {
    const start = process.hrtime.bigint();
    await one(events[i % events.length]);
    times[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  await active.replace({ champion: null, challenger: null, fallback: null });
  return times.sort();
}

/** The whole service: features events on Kafka to scores stored (inbox, outbox) in PostgreSQL. */
async function timeStream(): Promise<number> {
  const t = await startInferenceApp();
  try {
    const events = Array.from({ length: STREAM }, () => t.events.build());
    const ids = events.map((e) => e.payload.application.applicationId);
    const started = Date.now();
    for (let i = 0; i < STREAM; i += 500) {
      await t.publish(events.slice(i, i + 500));
    }
    await waitFor(async () => ((await t.championRows(ids)).length >= STREAM ? true : undefined), 300000, 'stream');
    return STREAM / ((Date.now() - started) / 1000);
  } finally {
    await t.close();
  }
}

export async function run(): Promise<void> {
  Logger.overrideLogger(['error']);
  const single = await timeEngine(false, false);
  const withEvent = await timeEngine(false, true);
  const shadow = await timeEngine(true, false);
  const perSecond = await timeStream();
  const ms = (value: number, target: number): BenchMetric => ({
    value: +value.toFixed(4),
    unit: 'ms',
    target,
    better: 'lower',
  });
  const metrics: Record<string, BenchMetric> = {
    scoringP50Ms: ms(percentile(single, 0.5), 2),
    scoringP99Ms: ms(percentile(single, 0.99), 2),
    scoringWithChallengerP99Ms: ms(percentile(shadow, 0.99), 2),
    scoringAndScoredEventP99Ms: ms(percentile(withEvent, 0.99), 2),
    serviceStreamApplicationsPerSecond: {
      value: Math.round(perSecond),
      unit: 'applications/s',
      target: 100,
      better: 'higher',
    },
  };
  console.log(JSON.stringify(metrics, null, 2));
  console.log(writeBenchResult('scoring-service', metrics));
}
