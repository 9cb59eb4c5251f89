import { InferenceSession, Tensor } from 'onnxruntime-node';

/**
 * onnxruntime-node session for a LoanMesh model: input `features` float32 [N, F], output
 * `probability` [N, 1]. One intra-op thread: the service scales by processes, not threads.
 */
export class OnnxScorer {
  private constructor(
    private readonly session: InferenceSession,
    readonly featureCount: number,
  ) {}

  static async create(model: Uint8Array, featureCount: number): Promise<OnnxScorer> {
    const session = await InferenceSession.create(model, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new OnnxScorer(session, featureCount);
  }

  async score(row: ArrayLike<number>): Promise<number> {
    const result = await this.scoreBatch(Float32Array.from(row), 1);
    return result[0];
  }

  /** Probabilities for a row-major matrix of `rows` rows. */
  async scoreBatch(matrix: Float32Array, rows: number): Promise<Float32Array> {
    if (matrix.length !== rows * this.featureCount) {
      throw new Error(`expected ${rows} x ${this.featureCount} features, got ${matrix.length} values`);
    }
    const output = await this.session.run({ features: new Tensor('float32', matrix, [rows, this.featureCount]) }, [
      'probability',
    ]);
    return output.probability.data as Float32Array;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/** Row vectors to the row-major float32 matrix the scorer takes. */
export function toFloat32Matrix(rows: ArrayLike<number>[], featureCount: number): Float32Array {
  const matrix = new Float32Array(rows.length * featureCount);
  rows.forEach((row, i) => matrix.set(Array.from(row), i * featureCount));
  return matrix;
}
