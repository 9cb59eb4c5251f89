import type { ScorecardModel } from '../scorecard/scorecard.model';
import type { OnnxModelSpec } from './onnx-model.types';
import { writeOnnxModel } from './onnx-model.writer';
import { probabilityTail } from './probability-tail';

/**
 * Exports a scorecard with standard operators only. Each bin edge becomes a step: the logit is
 * bias + sum over edges of delta x [x >= edge], where delta is the change in coefficient x WoE
 * from the bin below the edge to the bin above it:
 * Gather(features, edgeFeature) -> GreaterOrEqual(edges) -> Cast(float) -> MatMul(deltas) -> Add(bias) -> Sigmoid.
 */
export function exportScorecardToOnnx(model: ScorecardModel, metadata: Record<string, string> = {}): Uint8Array {
  const edgeFeature: number[] = [];
  const edges: number[] = [];
  const deltas: number[] = [];
  let bias = model.intercept;
  for (const term of model.terms) {
    bias += term.coefficient * term.woe[0];
    term.edges.forEach((edge, k) => {
      edgeFeature.push(term.feature);
      edges.push(edge);
      deltas.push(term.coefficient * (term.woe[k + 1] - term.woe[k]));
    });
  }
  if (edges.length === 0) {
    throw new Error('scorecard has no bin edges to export');
  }
  return writeOnnxModel(spec(model, { edgeFeature, edges, deltas, bias }, metadata));
}

interface Steps {
  edgeFeature: number[];
  edges: number[];
  deltas: number[];
  bias: number;
}

function spec(model: ScorecardModel, steps: Steps, metadata: Record<string, string>): OnnxModelSpec {
  const m = steps.edges.length;
  return {
    graphName: 'loanmesh_scorecard',
    docString: 'WoE logistic scorecard as step functions; probability = sigmoid(logit).',
    inputs: [{ name: 'features', dims: ['N', model.featureNames.length] }],
    outputs: [
      { name: 'probability', dims: ['N', 1] },
      { name: 'logit', dims: ['N', 1] },
    ],
    initializers: [
      { name: 'edge_feature', dataType: 'int64', dims: [m], values: steps.edgeFeature },
      { name: 'edges', dataType: 'float', dims: [m], values: steps.edges },
      { name: 'deltas', dataType: 'float', dims: [m, 1], values: steps.deltas },
      { name: 'bias', dataType: 'float', dims: [1], values: [steps.bias] },
    ],
    nodes: [
      {
        name: 'gather',
        opType: 'Gather',
        inputs: ['features', 'edge_feature'],
        outputs: ['gathered'],
        attributes: [{ name: 'axis', kind: 'int', value: 1 }],
      },
      { name: 'above', opType: 'GreaterOrEqual', inputs: ['gathered', 'edges'], outputs: ['above_bool'] },
      {
        name: 'cast',
        opType: 'Cast',
        inputs: ['above_bool'],
        outputs: ['above_float'],
        attributes: [{ name: 'to', kind: 'int', value: 1 }],
      },
      { name: 'matmul', opType: 'MatMul', inputs: ['above_float', 'deltas'], outputs: ['steps_sum'] },
      { name: 'add_bias', opType: 'Add', inputs: ['steps_sum', 'bias'], outputs: ['logit'] },
      ...probabilityTail('logit'),
    ],
    metadata: { ...metadata, featureNames: JSON.stringify(model.featureNames) },
  };
}
