import { Injectable } from '@nestjs/common';
import { InferenceSession, Tensor } from 'onnxruntime-node';

/** What one ONNX run gives for `rows` rows: probabilities, and logits when the model exports them. */
export interface OnnxOutput {
  probability: Float32Array;
  logit: Float32Array | null;
}

/** A loaded ONNX model; input `features` float32 [N, F]. */
export interface OnnxSession {
  run(matrix: Float32Array, rows: number): Promise<OnnxOutput>;
  release(): Promise<void>;
}

/** ONNX Runtime behind an adapter: services and unit tests never touch the native binding. */
@Injectable()
export class OnnxRuntimeAdapter {
  async load(model: Uint8Array, featureCount: number): Promise<OnnxSession> {
    // One thread per session: the service scales by processes, and latency stays predictable.
    const session = await InferenceSession.create(model, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new RuntimeSession(session, featureCount);
  }
}

class RuntimeSession implements OnnxSession {
  private readonly outputs: string[];

  constructor(
    private readonly session: InferenceSession,
    private readonly featureCount: number,
  ) {
    this.outputs = session.outputNames.includes('logit') ? ['probability', 'logit'] : ['probability'];
  }

  async run(matrix: Float32Array, rows: number): Promise<OnnxOutput> {
    if (matrix.length !== rows * this.featureCount) {
      throw new Error(`expected ${rows} x ${this.featureCount} features, got ${matrix.length} values`);
    }
    const input = new Tensor('float32', matrix, [rows, this.featureCount]);
    const out = await this.session.run({ features: input }, this.outputs);
    const probability = out.probability?.data;
    if (!(probability instanceof Float32Array)) {
      throw new Error('model output "probability" is missing or not float32');
    }
    const logit = out.logit?.data;
    return { probability, logit: logit instanceof Float32Array ? logit : null };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
