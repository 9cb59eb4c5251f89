import { Logger } from '@nestjs/common';

import { localServiceHeaders } from '@loanmesh/service-auth';
import { waitFor } from '@loanmesh/testing';

import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../apps/inference/src/testing/inference-test.app';
import { benchMetric, writeBenchResult } from './bench-result';

const ROUNDS = 3;

/**
 * Model switch on the whole inference service (Kafka in, PostgreSQL registry): a steady stream
 * of applications is published while a checker approves a promotion (maker/checker over HTTP)
 * or an operator rolls back; each switch is timed from the approval (or rollback) call to the
 * first application stored as scored by the new champion. Retrain time (new outcomes to a
 * challenger in shadow) is not measured here: `npm run retrain` does not exist yet.
 */
export async function run(): Promise<void> {
  Logger.overrideLogger(['error']);
  const t = await startInferenceApp({ PROMOTION_AUC_MARGIN: '0.05' });
  const stream = streamApplications(t);
  try {
    const models = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as { id: string; name: string }[];
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
        await timeSwitch(t, 'world-gbm-graph:v1', async () => {
          const headers = localServiceHeaders('inference', { issuer: 'operator', subject: 'bench' });
          const res = await httpJson('POST', `${t.baseUrl}/models/rollback`, { reason: 'bench' }, headers);
          check(res.status, 'rollback');
        }),
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const metrics = {
      approvedToServingSecondsMedian: benchMetric(+median(approved).toFixed(3), 's', 300, 'lower'),
      approvedToServingSecondsMax: benchMetric(+Math.max(...approved).toFixed(3), 's', 300, 'lower'),
      rollbackToServingSecondsMedian: benchMetric(+median(rolledBack).toFixed(3), 's', 60, 'lower'),
      rollbackToServingSecondsMax: benchMetric(+Math.max(...rolledBack).toFixed(3), 's', 60, 'lower'),
    };
    console.log(JSON.stringify(metrics, null, 2));
    console.log(writeBenchResult('model-switch', metrics));
  } finally {
    await stream.stop();
    await t.close();
  }
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
