import { Client } from 'pg';

import { liveRunIdPatterns } from '@loanmesh/contracts';
import { localServiceHeaders } from '@loanmesh/service-auth';

import type { ChaosStack } from '../chaos/chaos-stack';
import type { ServiceInstance } from '../chaos/service-supervisor';

export interface FeatureComparison {
  compared: number;
  mismatches: number;
  /** Applications a replica could not answer for (counted apart: not a disagreement). */
  unanswered: number;
  examples: string[];
}

/**
 * Asks every graph replica for the features of the same decided applications of a run and
 * counts those where the replicas' answers differ: each replica computes them from its own
 * in-memory view, so a replica missing another's writes answers differently.
 */
export async function compareReplicaFeatures(
  stack: ChaosStack,
  replicas: readonly ServiceInstance[],
  run: number,
  samples: number,
): Promise<FeatureComparison> {
  const ids = await decidedApplications(stack, run, samples);
  const result: FeatureComparison = { compared: 0, mismatches: 0, unanswered: 0, examples: [] };
  for (const id of ids) {
    const answers = await Promise.all(replicas.map((r) => featuresFrom(stack.portOf(r), id)));
    if (answers.some((a) => a === undefined)) {
      result.unanswered += 1;
      continue;
    }
    result.compared += 1;
    if (new Set(answers).size > 1) {
      result.mismatches += 1;
      if (result.examples.length < 5) {
        result.examples.push(id);
      }
    }
  }
  return result;
}

async function decidedApplications(stack: ChaosStack, run: number, limit: number): Promise<string[]> {
  const client = new Client({ connectionString: stack.db.url });
  await client.connect();
  try {
    const res = await client.query<{ application_id: string }>(
      'SELECT DISTINCT application_id FROM review.decisions WHERE application_id LIKE $1 ORDER BY application_id LIMIT $2',
      [liveRunIdPatterns(run).like, limit],
    );
    return res.rows.map((r) => r.application_id);
  } finally {
    await client.end();
  }
}

/** The features as canonical JSON, or undefined when the replica did not answer 200. */
async function featuresFrom(port: number, applicationId: string): Promise<string | undefined> {
  const res = await fetch(`http://127.0.0.1:${port}/applications/${encodeURIComponent(applicationId)}/features`, {
    headers: localServiceHeaders('graph', { issuer: 'review', subject: 'scale-out-bench' }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
  if (!res?.ok) {
    return undefined;
  }
  const body = (await res.json()) as { features: unknown; explanations: unknown };
  return JSON.stringify({ features: body.features, explanations: body.explanations });
}
