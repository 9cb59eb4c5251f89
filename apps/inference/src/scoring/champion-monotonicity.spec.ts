/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { monotoneConstraints } from '@loanmesh/features';
import {
  findMonotoneViolations,
  gridApplicants,
  type MonotoneConstraint,
  splitGrid,
  treeEnsembleFromJson,
} from '@loanmesh/ml';

import { NO_STORED_ARTIFACTS } from '../registry/model-artifact.store';
import { ModelFilesAdapter } from '../registry/model-files.adapter';
import { committedModelVersion } from '../testing/committed-model.factory';
import type { LoadedModel } from './loaded-model';
import { ModelLoaderService } from './model-loader.service';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

/**
 * The committed world GBMs (champion and tabular fallback) through the serving path: for 300
 * seeded applicants, every +1 feature moved up across all the model's split points never lowers
 * the ONNX PD, every -1 feature never raises it. The applicants draw each feature from the
 * model's own split points, so odd combinations the test year lacks are probed too.
 */
const DIR = 'models/world';
const APPLICANTS = 300;

interface Meta {
  modelKind: 'gbm' | 'scorecard';
  featureNames: string[];
  monotoneConstraints: Record<string, MonotoneConstraint> | null;
}

async function load(name: string, includesGraph: boolean): Promise<{ model: LoadedModel; meta: Meta; json: unknown }> {
  const { version: registered, files } = await committedModelVersion(name, { dir: DIR });
  const meta = files.meta as Meta;
  const version = { ...registered, id: '22222222-2222-4222-8222-222222222222', includesGraph };
  const model = await new ModelLoaderService(
    new ModelFilesAdapter(),
    new OnnxRuntimeAdapter(),
    NO_STORED_ARTIFACTS,
  ).load(version);
  return { model, meta, json: files.modelJson };
}

describe.each([
  ['world-gbm-graph', true],
  ['world-gbm-tabular', false],
])('monotone constraints of %s on the serving path', (name, includesGraph) => {
  it('should record the feature spec constraints in its meta file', async () => {
    const { model, meta } = await load(name, includesGraph);
    await model.retire();
    const constraints = monotoneConstraints({ includeGraph: includesGraph });
    expect(meta.monotoneConstraints).toEqual(
      Object.fromEntries(meta.featureNames.map((feature, i) => [feature, constraints[i]])),
    );
  });

  it('should never move the served PD against a constrained feature', async () => {
    const { model, json } = await load(name, includesGraph);
    try {
      const trees = treeEnsembleFromJson(json as Parameters<typeof treeEnsembleFromJson>[0]);
      const grids = trees.featureNames.map((_, f) => splitGrid(trees, f));
      const constraints = monotoneConstraints({ includeGraph: includesGraph });
      const constrainedSplits = grids.filter((g, f) => g.length > 0 && constraints[f] !== 0).length;
      expect(constrainedSplits).toBeGreaterThan(10);
      const violations = await findMonotoneViolations(
        (matrix, rows) => model.scoreVectors(Array.from({ length: rows }, (_, r) => rowOf(matrix, r, grids.length))),
        gridApplicants(grids, APPLICANTS, 42),
        constraints,
        grids,
      );
      expect(violations.slice(0, 5).map((v) => ({ ...v, feature: trees.featureNames[v.feature] }))).toEqual([]);
    } finally {
      await model.retire();
    }
  }, 60_000);
});

function rowOf(matrix: Float32Array, row: number, width: number): Float64Array {
  return Float64Array.from(matrix.subarray(row * width, (row + 1) * width));
}
