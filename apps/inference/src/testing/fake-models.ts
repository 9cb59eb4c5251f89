import { featureSpec } from '@loanmesh/features';

import { LoadedModel, type ModelIdentity } from '../scoring/loaded-model';
import type { ModelMath } from '../scoring/model-math';
import type { OnnxOutput, OnnxSession } from '../scoring/onnx-runtime.adapter';

/** An ONNX session stand-in: a fixed probability, a failure, or `'hang'` (never answers). */
export class FakeOnnxSession implements OnnxSession {
  released = false;
  runs = 0;

  constructor(private readonly probability: number | Error | 'hang' = 0.04) {}

  run(_matrix: Float32Array, rows: number): Promise<OnnxOutput> {
    this.runs++;
    if (this.probability === 'hang') {
      return new Promise<OnnxOutput>(() => undefined);
    }
    if (this.probability instanceof Error) {
      return Promise.reject(this.probability);
    }
    const p = this.probability;
    return Promise.resolve({
      probability: new Float32Array(rows).fill(p),
      logit: new Float32Array(rows).fill(Math.log(p / (1 - p))),
    });
  }

  release(): Promise<void> {
    this.released = true;
    return Promise.resolve();
  }
}

const ZERO_MATH: ModelMath = {
  explain: (row) => ({ baseValue: -3, contributions: new Float64Array(row.length) }),
  logit: () => -3,
  calibrate: (p) => p,
};

export function fakeModel(
  name: string,
  options: { includesGraph?: boolean; session?: FakeOnnxSession } = {},
): { model: LoadedModel; session: FakeOnnxSession } {
  const includesGraph = options.includesGraph ?? true;
  const session = options.session ?? new FakeOnnxSession();
  const identity: ModelIdentity = {
    id: `00000000-0000-4000-8000-${name.padStart(12, '0').slice(-12)}`,
    label: `${name}:v1`,
    name,
    sha256: 'a'.repeat(64),
    kind: 'gbm',
    includesGraph,
  };
  return {
    model: new LoadedModel(identity, session, ZERO_MATH, featureSpec({ includeGraph: includesGraph })),
    session,
  };
}
