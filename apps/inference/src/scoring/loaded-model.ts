import type { FeatureInput, ReasonCode } from '@loanmesh/contracts';
import { buildFeatureVector, type FeatureSpecEntry } from '@loanmesh/features';
import { type Explanation, riskGrade, type RiskGrade, topReasons } from '@loanmesh/ml';

import type { ModelKind } from '../registry/model-state';
import type { ModelMath } from './model-math';
import type { OnnxSession } from './onnx-runtime.adapter';

/** Which registered version a loaded model is. */
export interface ModelIdentity {
  id: string;
  label: string;
  name: string;
  sha256: string;
  kind: ModelKind;
  includesGraph: boolean;
}

/** One model's answer for one application. */
export interface ModelScore {
  model: ModelIdentity;
  probabilityOfDefault: number;
  riskGrade: RiskGrade;
  logit: number;
  baseValue: number;
  contributions: Float64Array;
  reasons: ReasonCode[];
  vector: Float64Array;
}

/**
 * A model ready to serve: its ONNX session plus its TypeScript explainer. Leases count the
 * messages using it, so a model retired by a hot swap is released only once they finish.
 */
export class LoadedModel {
  private leases = 0;
  private retired = false;
  private released: Promise<void> | undefined;

  constructor(
    readonly identity: ModelIdentity,
    private readonly session: OnnxSession,
    private readonly math: ModelMath,
    readonly spec: readonly FeatureSpecEntry[],
    /** Training medians stored beside the model (`<name>.references.json`); reasons are judged against them. */
    private readonly references?: Readonly<Record<string, number>>,
  ) {}

  async score(input: FeatureInput): Promise<ModelScore> {
    const vector = buildFeatureVector(input, { includeGraph: this.identity.includesGraph });
    const out = await this.session.run(Float32Array.from(vector), 1);
    const raw = out.probability[0];
    if (raw === undefined || !Number.isFinite(raw)) {
      throw new Error(`model ${this.identity.label} returned no finite probability`);
    }
    // The ONNX graph gives the raw model probability; the PD is that after the trainer's recalibration.
    const probabilityOfDefault = this.math.calibrate(raw);
    const { baseValue, contributions, reasons } = this.explain(vector);
    return {
      model: this.identity,
      probabilityOfDefault,
      riskGrade: riskGrade(probabilityOfDefault),
      logit: out.logit?.[0] ?? logitOf(raw),
      baseValue,
      contributions,
      reasons,
      vector,
    };
  }

  /** The model's exact attributions for a vector and the reasons they support (the serving explain path). */
  explain(vector: Float64Array): Explanation & { reasons: ReasonCode[] } {
    const explanation = this.math.explain(vector);
    const reasons = topReasons({
      contributions: explanation.contributions,
      values: vector,
      spec: this.spec,
      references: this.references,
    });
    return { ...explanation, reasons };
  }

  /** Probabilities for many vectors at once (parity checks and batch scoring). */
  async scoreVectors(vectors: readonly Float64Array[]): Promise<Float32Array> {
    const width = this.spec.length;
    const matrix = new Float32Array(vectors.length * width);
    vectors.forEach((v, i) => matrix.set(v, i * width));
    return (await this.session.run(matrix, vectors.length)).probability;
  }

  /** The served PD for a raw ONNX probability (from `scoreVectors`): the trainer's recalibration applied. */
  servedProbability(raw: number): number {
    return this.math.calibrate(raw);
  }

  /** The trainer's own logit for a vector (the TypeScript evaluation of the same model). */
  referenceLogit(vector: ArrayLike<number>): number {
    return this.math.logit(vector);
  }

  acquire(): void {
    this.leases++;
  }

  releaseLease(): void {
    this.leases--;
    this.releaseIfIdle();
  }

  /** Stops new use; the session is freed when the last lease ends. */
  async retire(): Promise<void> {
    this.retired = true;
    this.releaseIfIdle();
    await this.released;
  }

  private releaseIfIdle(): void {
    if (this.retired && this.leases === 0 && !this.released) {
      // A failed release leaks one native session at worst; it must not fail the message that ended last.
      this.released = this.session.release().catch(() => undefined);
    }
  }
}

function logitOf(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  return Math.log(q / (1 - q));
}
