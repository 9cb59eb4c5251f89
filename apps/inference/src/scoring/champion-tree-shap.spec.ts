/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { buildFeatureVector, featureSpec } from '@loanmesh/features';
import {
  predictLogit,
  RecursiveTreeShapExplainer,
  topReasons,
  treeEnsembleFromJson,
  type TreeEnsembleModel,
} from '@loanmesh/ml';
import { historyRows, WorldGeneratorService, worldOptions } from '@loanmesh/world';

import { NO_STORED_ARTIFACTS } from '../registry/model-artifact.store';
import { ModelFilesAdapter } from '../registry/model-files.adapter';
import { committedModelVersion } from '../testing/committed-model.factory';
import type { LoadedModel } from './loaded-model';
import { ModelLoaderService } from './model-loader.service';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

/**
 * The committed champion's explanations through the serving path (Fast TreeSHAP tables) against
 * the published recursive Algorithm 2, on 300 applications of a small seeded world.
 */
const DIR = 'models/world';
const CHAMPION = 'world-gbm-graph';
const ROWS = 300;
const SPEC = featureSpec({ includeGraph: true });

function worldVectors(): Float64Array[] {
  const { world, graph } = new WorldGeneratorService().generate(worldOptions(42, 0.1));
  const vectors: Float64Array[] = [];
  for (const { row } of historyRows(world, graph)) {
    if (vectors.length < ROWS) {
      vectors.push(buildFeatureVector(row.input, { includeGraph: true }));
    }
  }
  return vectors;
}

describe('champion TreeSHAP', () => {
  const vectors = worldVectors();
  const files = new ModelFilesAdapter();
  let champion: LoadedModel;
  let model: TreeEnsembleModel;
  let references: Record<string, number>;

  beforeAll(async () => {
    const { version } = await committedModelVersion(CHAMPION, { dir: DIR });
    champion = await new ModelLoaderService(files, new OnnxRuntimeAdapter(), NO_STORED_ARTIFACTS).load(version);
    model = treeEnsembleFromJson(
      (await files.readModelJson(`${DIR}/${CHAMPION}.onnx`)) as Parameters<typeof treeEnsembleFromJson>[0],
    );
    references = ((await files.readReferences(`${DIR}/${CHAMPION}.onnx`)) as { references: Record<string, number> })
      .references;
  }, 60_000);

  afterAll(async () => {
    await champion.retire();
  });

  it('should add up to the champion logit on every application', () => {
    expect(vectors).toHaveLength(ROWS);
    for (const vector of vectors) {
      const { baseValue, contributions } = champion.explain(vector);
      expect(contributions.reduce((a, b) => a + b, baseValue)).toBeCloseTo(predictLogit(model, vector), 10);
    }
  });

  it('should equal the recursive Algorithm 2 and give the same reasons', () => {
    const reference = new RecursiveTreeShapExplainer(model);
    let reasons = 0;
    for (const vector of vectors) {
      const served = champion.explain(vector);
      const exact = reference.explain(vector);
      const exactReasons = topReasons({ contributions: exact.contributions, values: vector, spec: SPEC, references });
      Array.from(served.contributions).forEach((c, i) =>
        expect(Math.abs(c - exact.contributions[i])).toBeLessThan(1e-12),
      );
      // the same reasons in the same order; contributions may differ in the last bits only
      expect(
        served.reasons.map(({ contribution, ...r }) => ({ ...r, contribution: Math.fround(contribution) })),
      ).toEqual(exactReasons.map(({ contribution, ...r }) => ({ ...r, contribution: Math.fround(contribution) })));
      reasons += exactReasons.length;
    }
    expect(reasons).toBeGreaterThan(ROWS);
  });
});
