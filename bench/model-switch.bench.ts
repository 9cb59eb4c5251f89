import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';

import { loadConfig } from '@loanmesh/config';
import { fetchHttpWith, localServiceHeaders } from '@loanmesh/service-auth';
import { waitFor } from '@loanmesh/testing';

import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../apps/inference/src/testing/inference-test.app';
import { committedChampion } from '../apps/inference/src/testing/committed-champion';
import { FeaturesEventFactory } from '../apps/inference/src/testing/features-event.factory';
import { httpInference } from '../apps/trainer/src/retrain/inference.client';
import { runRetrainCli } from '../apps/trainer/src/retrain/retrain.cli';
import { retrainConfigShape } from '../apps/trainer/src/retrain/retrain.config';
import { writeSyntheticHistory } from '../apps/trainer/src/testing/history-files';
import { benchMetric, writeBenchResult } from './bench-result';

const ROUNDS = 3;
/** Matured outcomes added before each retrain (half of each round's champion-scored outcomes are held out). */
const OUTCOMES_PER_ROUND = 80;
const HISTORY_ROWS = 2400;

/**
 * Model switch on the whole inference service (Kafka in, PostgreSQL registry): a steady stream
 * of applications is published while a checker approves a promotion (maker/checker over HTTP)
 * or an operator rolls back; each switch is timed from the approval (or rollback) call to the
 * first application stored as scored by the new champion. Then, in the same run, retrain to
 * shadow: matured outcomes of newly scored applications are recorded (`POST /models/outcomes`)
 * and timed from that answer to `npm run retrain`'s (in process, over HTTP) challenger in shadow.
 */
export async function run(): Promise<void> {
  Logger.overrideLogger(['error']);
  const work = mkdtempSync(join(tmpdir(), 'bench-retrain-'));
  const t = await startInferenceApp({ PROMOTION_AUC_MARGIN: '0.05', RETRAIN_MODEL_DIR: join(work, 'models') });
  const stream = streamApplications(t);
  try {
    const models = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as { id: string; name: string }[];
    // The champion follows the selection rule recorded in the committed cards; rollback returns to it.
    const champion = committedChampion();
    const next = models.find((m) => m.name === 'world-scorecard-graph')!;
    const approved: number[] = [];
    const rolledBack: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      approved.push(
        await timeSwitch(t, 'world-scorecard-graph:v1', async () => {
          const res = await promoteThroughRequest(t.baseUrl, next.id, 'champion');
          check(res.status, 'promotion');
        }),
      );
      rolledBack.push(
        await timeSwitch(t, champion.label, async () => {
          const headers = localServiceHeaders('inference', { issuer: 'operator', subject: 'bench' });
          const res = await httpJson('POST', `${t.baseUrl}/models/rollback`, { reason: 'bench' }, headers);
          check(res.status, 'rollback');
        }),
      );
    }
    writeSyntheticHistory(join(work, 'history'), HISTORY_ROWS, 7);
    const retrained: number[] = [];
    const labelled = new FeaturesEventFactory(4242);
    for (let i = 0; i < ROUNDS; i++) {
      retrained.push(await timeRetrain(t, labelled, work));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const metrics = {
      approvedToServingSecondsMedian: benchMetric(+median(approved).toFixed(3), 's', 300, 'lower'),
      approvedToServingSecondsMax: benchMetric(+Math.max(...approved).toFixed(3), 's', 300, 'lower'),
      rollbackToServingSecondsMedian: benchMetric(+median(rolledBack).toFixed(3), 's', 60, 'lower'),
      rollbackToServingSecondsMax: benchMetric(+Math.max(...rolledBack).toFixed(3), 's', 60, 'lower'),
      outcomesToShadowSecondsMedian: benchMetric(+median(retrained).toFixed(3), 's', 3600, 'lower'),
      outcomesToShadowSecondsMax: benchMetric(+Math.max(...retrained).toFixed(3), 's', 3600, 'lower'),
    };
    console.log(JSON.stringify(metrics, null, 2));
    console.log(writeBenchResult('model-switch', metrics));
  } finally {
    await stream.stop();
    await t.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * New applications scored by the champion, their outcomes recorded, then seconds from the
 * outcomes being stored to the retrained challenger answered as in shadow (loaded, scoring).
 */
async function timeRetrain(t: InferenceTestApp, factory: FeaturesEventFactory, work: string): Promise<number> {
  const batch = Array.from({ length: OUTCOMES_PER_ROUND }, () => factory.buildLabelled());
  const ids = batch.map((b) => b.event.payload.application.applicationId);
  await t.publish(batch.map((b) => b.event));
  await waitFor(async () => ((await t.championRows(ids)).length >= ids.length ? true : undefined), 120000, 'scored');
  const recorded = await httpJson(
    'POST',
    `${t.baseUrl}/models/outcomes`,
    { by: 'bench', outcomes: batch.map((b, i) => ({ applicationId: ids[i], defaulted: b.defaulted })) },
    localServiceHeaders('inference', { issuer: 'review', subject: 'system' }),
  );
  check(recorded.status, 'outcomes');
  const started = Date.now();
  // The synthetic history teaches other reasons than the world champion's (0.29 overlap measured).
  const config = loadConfig(retrainConfigShape, {
    RETRAIN_MODEL_DIR: join(work, 'models'),
    RETRAIN_MIN_REASON_OVERLAP: '0.2',
  });
  const http = fetchHttpWith((actor) =>
    localServiceHeaders('inference', { issuer: 'operator', ...(actor ? { subject: actor } : {}) }),
  );
  const lines: string[] = [];
  const code = await runRetrainCli(
    ['--history', join(work, 'history'), '--by', 'bench'],
    { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    config,
    httpInference(t.baseUrl, http),
  );
  if (code !== 0) {
    throw new Error(`retrain exited ${code}:\n${lines.join('\n')}`);
  }
  console.log(lines.join('\n'));
  return (Date.now() - started) / 1000;
}

/** Seconds from starting `act` to the first application stored as scored by `version` after it. */
async function timeSwitch(t: InferenceTestApp, version: string, act: () => Promise<void>): Promise<number> {
  const started = new Date();
  await act();
  const first = await waitFor(
    async () => {
      const rows: { scored_at: Date }[] = await t.dataSource.query(
        `SELECT min(scored_at) AS scored_at FROM inference.scored_applications
         WHERE role = 'champion' AND model_version = $1 AND scored_at >= $2 HAVING count(*) > 0`,
        [version, started],
      );
      return rows[0]?.scored_at;
    },
    120000,
    `an application scored by ${version}`,
  );
  return (first.getTime() - started.getTime()) / 1000;
}

/** One application every 50 ms until stopped, so a switch is seen by the next message. */
function streamApplications(t: InferenceTestApp): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      await t.publish([t.events.build()]);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

function check(status: number, what: string): void {
  if (status !== 200) {
    throw new Error(`${what} answered ${status}`);
  }
}
