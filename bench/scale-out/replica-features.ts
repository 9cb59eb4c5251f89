import { Client } from 'pg';

import { liveRunIdPatterns } from '@loanmesh/contracts';
import { localServiceHeaders } from '@loanmesh/service-auth';

import type { ChaosStack } from '../chaos/chaos-stack';
import type { ServiceInstance } from '../chaos/service-supervisor';

/** One feature or explanation entry on which the replicas disagree, with each replica's value (in replica order). */
export interface FeatureDifference {
  /** `features.<name>` or `explanations[<i>]` */
  field: string;
  values: unknown[];
}

export interface FeatureMismatch {
  applicationId: string;
  companyId: string;
  differences: FeatureDifference[];
}

export interface FeatureComparison {
  compared: number;
  mismatches: number;
  /** Applications a replica could not answer for (counted apart: not a disagreement). */
  unanswered: number;
  examples: FeatureMismatch[];
}

interface FeaturesAnswer {
  companyId: string;
  features: Record<string, unknown>;
  explanations: unknown[];
}

const MAX_EXAMPLES = 20;

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
    const replies = await Promise.all(replicas.map((r) => featuresFrom(stack.portOf(r), id)));
    const answers = replies.filter((a): a is FeaturesAnswer => a !== undefined);
    if (answers.length < replies.length) {
      result.unanswered += 1;
      continue;
    }
    result.compared += 1;
    const differences = differencesOf(answers);
    if (differences.length > 0) {
      result.mismatches += 1;
      if (result.examples.length < MAX_EXAMPLES) {
        result.examples.push({ applicationId: id, companyId: answers[0]?.companyId ?? '', differences });
      }
    }
  }
  return result;
}

/** One line per mismatch: the application and the fields that differ. */
export function summarizeMismatches(comparison: FeatureComparison): string[] {
  return comparison.examples.map(
    (m) => `${m.applicationId} (${m.companyId}): ${m.differences.map((d) => d.field).join(', ')}`,
  );
}

/** The features and explanation entries whose canonical JSON differs between the answers. */
function differencesOf(answers: readonly FeaturesAnswer[]): FeatureDifference[] {
  const differs = (values: unknown[]): boolean => new Set(values.map((v) => JSON.stringify(v))).size > 1;
  const out: FeatureDifference[] = [];
  const names = new Set(answers.flatMap((a) => Object.keys(a.features)));
  for (const name of [...names].sort()) {
    const values = answers.map((a) => a.features[name]);
    if (differs(values)) {
      out.push({ field: `features.${name}`, values });
    }
  }
  const entries = Math.max(...answers.map((a) => a.explanations.length));
  for (let i = 0; i < entries; i++) {
    const values = answers.map((a) => a.explanations[i]);
    if (differs(values)) {
      out.push({ field: `explanations[${i}]`, values });
    }
  }
  return out;
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

/** The features and explanations, or undefined when the replica did not answer 200. */
async function featuresFrom(port: number, applicationId: string): Promise<FeaturesAnswer | undefined> {
  const res = await fetch(`http://127.0.0.1:${port}/applications/${encodeURIComponent(applicationId)}/features`, {
    headers: localServiceHeaders('graph', { issuer: 'review', subject: 'scale-out-bench' }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
  if (!res?.ok) {
    return undefined;
  }
  const body = (await res.json()) as FeaturesAnswer;
  return { companyId: body.companyId, features: body.features, explanations: body.explanations };
}
