import type { TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import type { OnnxModelSpec } from './onnx-model.types';
import { writeOnnxModel } from './onnx-model.writer';
import { probabilityTail } from './probability-tail';

interface FlatNodes {
  treeIds: number[];
  nodeIds: number[];
  featureIds: number[];
  modes: string[];
  values: number[];
  trueIds: number[];
  falseIds: number[];
  missingTracksTrue: number[];
  leafTree: number[];
  leafNode: number[];
  leafWeight: number[];
}

/**
 * Exports a boosted ensemble as ai.onnx.ml TreeEnsembleRegressor (raw logit) followed by
 * Sigmoid, so outputs are plain float tensors `logit` and `probability`, both [N, 1]. Missing
 * inputs (NaN) follow each node's learned default direction via `nodes_missing_value_tracks_true`.
 */
export function exportTreeEnsembleToOnnx(model: TreeEnsembleModel, metadata: Record<string, string> = {}): Uint8Array {
  const flat = flatten(model);
  const spec: OnnxModelSpec = {
    graphName: 'loanmesh_gbm',
    docString: 'Gradient-boosted trees, logistic loss; probability = sigmoid(logit).',
    inputs: [{ name: 'features', dims: ['N', model.featureNames.length] }],
    outputs: [
      { name: 'probability', dims: ['N', 1] },
      { name: 'logit', dims: ['N', 1] },
    ],
    nodes: [
      {
        name: 'trees',
        opType: 'TreeEnsembleRegressor',
        domain: 'ai.onnx.ml',
        inputs: ['features'],
        outputs: ['logit'],
        attributes: [
          { name: 'n_targets', kind: 'int', value: 1 },
          { name: 'aggregate_function', kind: 'string', value: 'SUM' },
          { name: 'post_transform', kind: 'string', value: 'NONE' },
          { name: 'base_values', kind: 'floats', value: [model.baseScore] },
          { name: 'nodes_treeids', kind: 'ints', value: flat.treeIds },
          { name: 'nodes_nodeids', kind: 'ints', value: flat.nodeIds },
          { name: 'nodes_featureids', kind: 'ints', value: flat.featureIds },
          { name: 'nodes_modes', kind: 'strings', value: flat.modes },
          { name: 'nodes_values', kind: 'floats', value: flat.values },
          { name: 'nodes_truenodeids', kind: 'ints', value: flat.trueIds },
          { name: 'nodes_falsenodeids', kind: 'ints', value: flat.falseIds },
          // A NaN feature takes the true (left) branch where this is 1: the trainer's default direction.
          { name: 'nodes_missing_value_tracks_true', kind: 'ints', value: flat.missingTracksTrue },
          { name: 'target_treeids', kind: 'ints', value: flat.leafTree },
          { name: 'target_nodeids', kind: 'ints', value: flat.leafNode },
          { name: 'target_ids', kind: 'ints', value: flat.leafTree.map(() => 0) },
          { name: 'target_weights', kind: 'floats', value: flat.leafWeight },
        ],
      },
      ...probabilityTail('logit'),
    ],
    initializers: [],
    metadata: { ...metadata, featureNames: JSON.stringify(model.featureNames) },
  };
  return writeOnnxModel(spec);
}

function flatten(model: TreeEnsembleModel): FlatNodes {
  const flat: FlatNodes = {
    treeIds: [],
    nodeIds: [],
    featureIds: [],
    modes: [],
    values: [],
    trueIds: [],
    falseIds: [],
    missingTracksTrue: [],
    leafTree: [],
    leafNode: [],
    leafWeight: [],
  };
  model.trees.forEach((tree, t) => {
    for (let n = 0; n < tree.feature.length; n++) {
      const isLeaf = tree.feature[n] < 0;
      flat.treeIds.push(t);
      flat.nodeIds.push(n);
      flat.featureIds.push(isLeaf ? 0 : tree.feature[n]);
      flat.modes.push(isLeaf ? 'LEAF' : 'BRANCH_LT');
      flat.values.push(isLeaf ? 0 : tree.threshold[n]);
      flat.trueIds.push(isLeaf ? 0 : tree.left[n]);
      flat.falseIds.push(isLeaf ? 0 : tree.right[n]);
      flat.missingTracksTrue.push(isLeaf ? 0 : tree.missingLeft[n]);
      if (isLeaf) {
        flat.leafTree.push(t);
        flat.leafNode.push(n);
        flat.leafWeight.push(tree.value[n]);
      }
    }
  });
  return flat;
}
