/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  buildFeatureVector,
  featureNames,
  type HistoryRow,
  monotoneConstraints,
  SyntheticHistoryFactory,
} from '@loanmesh/features';
import { OnnxScorer } from '@loanmesh/ml';

import { TrainerInputError } from '../errors/trainer-input.error';
import { trainFromWorld } from './world-training.pipeline';

function writeHistory(dir: string, parts: Record<string, HistoryRow[]>): void {
  mkdirSync(join(dir, 'history'), { recursive: true });
  for (const [part, rows] of Object.entries(parts)) {
    writeFileSync(join(dir, 'history', `${part}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
}

describe('trainFromWorld', () => {
  const dir = mkdtempSync(join(tmpdir(), 'world-'));
  const factory = new SyntheticHistoryFactory(3);
  const parts = { train: factory.rows(2000, 0), validation: factory.rows(600, 200), test: factory.rows(1200, 260) };
  writeHistory(dir, parts);
  const options = {
    out: join(dir, 'out'),
    name: 'w',
    seed: 1,
    folds: 3,
    kinds: ['gbm' as const, 'scorecard' as const],
    approvalRate: 0.7,
    hyperParameters: { gbm: { nTrees: 40, learningRate: 0.1, maxDepth: 3 }, scorecard: {} },
  };

  let artifacts: Awaited<ReturnType<typeof trainFromWorld>> = [];
  // Four models on two slow cores: allow more than Jest's default five seconds.
  beforeAll(async () => {
    artifacts = await trainFromWorld(dir, options);
  }, 60_000);

  const artifactNamed = (name: string) => artifacts.find((a) => a.name === name)!;

  it('should train tabular and graph models and show the graph lift when graph features carry risk', () => {
    expect(artifacts.map((a) => a.name)).toEqual([
      'w-gbm-tabular',
      'w-gbm-graph',
      'w-scorecard-tabular',
      'w-scorecard-graph',
    ]);
    const lift = artifacts[1].card.graphLift!;
    expect(lift.graph.auc).toBeGreaterThan(lift.tabular.auc);
    expect(lift.badRateReductionPp).toBeGreaterThan(0);
    expect(artifacts.every((a) => a.card.parity.passed && a.card.split.method === 'time')).toBe(true);
  });

  it('should score a serving-built vector exactly as training did when the row round-trips through JSON', async () => {
    const meta = JSON.parse(readFileSync(join(options.out, 'w-gbm-graph.meta.json'), 'utf8')) as {
      featureNames: string[];
    };
    expect(meta.featureNames).toEqual(featureNames({ includeGraph: true }));
    const row = parts.test[0];
    const served = buildFeatureVector((JSON.parse(JSON.stringify(row)) as HistoryRow).input, { includeGraph: true });
    expect(Array.from(served)).toEqual(Array.from(buildFeatureVector(row.input, { includeGraph: true })));
    const scorer = await OnnxScorer.create(readFileSync(join(options.out, 'w-gbm-graph.onnx')), served.length);
    expect(await scorer.score(served)).toBeGreaterThan(0);
    await scorer.release();
  });

  it('should train the GBMs with the spec monotone constraints and record them by name in card and meta', () => {
    for (const [artifact, includeGraph] of [
      [artifactNamed('w-gbm-tabular'), false],
      [artifactNamed('w-gbm-graph'), true],
    ] as const) {
      const expected = Object.fromEntries(
        featureNames({ includeGraph }).map((name, i) => [name, monotoneConstraints({ includeGraph })[i]]),
      );
      expect(artifact.card.monotoneConstraints).toEqual(expected);
      expect((artifact.meta as { monotoneConstraints: unknown }).monotoneConstraints).toEqual(expected);
    }
    const written = JSON.parse(readFileSync(join(options.out, 'w-gbm-graph.meta.json'), 'utf8')) as {
      monotoneConstraints: Record<string, number>;
    };
    expect(written.monotoneConstraints.companyAgeMonths).toBe(-1);
    expect(written.monotoneConstraints.industryDivision).toBe(0);
    expect(readFileSync(join(options.out, 'w-gbm-graph.card.md'), 'utf8')).toContain('## Monotone constraints');
    expect(artifactNamed('w-scorecard-graph').card.monotoneConstraints).toBeNull();
  });

  it('should reject a history row that breaks the contract with its file and line', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'world-bad-'));
    writeHistory(bad, {
      train: parts.train.slice(0, 5),
      validation: parts.validation.slice(0, 5),
      test: parts.test.slice(0, 5),
    });
    writeFileSync(join(bad, 'history', 'test.jsonl'), '{"applicationId":"x","label":2}\n');
    await expect(trainFromWorld(bad, options)).rejects.toThrow(TrainerInputError);
    await expect(trainFromWorld(bad, options)).rejects.toThrow(/test\.jsonl:1:/);
  });
});
