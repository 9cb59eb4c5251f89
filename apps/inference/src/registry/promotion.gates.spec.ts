import { ModelRegistryException } from './model-registry.exception';
import type { ModelVersionEntity } from './model-version.entity';
import { assertAucNotWorse, assertParity } from './promotion.gates';

function version(name: string, auc: number, parityPassed = true): ModelVersionEntity {
  return {
    id: name,
    name,
    version: 1,
    card: {
      metrics: { test: { auc } },
      parity: { passed: parityPassed, maxAbsDifference: parityPassed ? 1e-7 : 0.1, tolerance: 1e-5 },
    },
  } as ModelVersionEntity;
}

function errorOf(fn: () => void): ModelRegistryException {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelRegistryException) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a ModelRegistryException');
}

const goodParity = { rows: 256, maxAbsDifference: 1e-7, tolerance: 1e-5, passed: true };

describe('promotion gates', () => {
  it('should accept a candidate when its AUC is within the margin of the champion', () => {
    expect(() => assertAucNotWorse(version('new', 0.781), version('old', 0.787), 0.01)).not.toThrow();
  });

  it('should reject with the figures when the AUC is worse by more than the margin', () => {
    const error = errorOf(() => assertAucNotWorse(version('new', 0.74), version('old', 0.787), 0.01));

    expect(error.code).toBe('PROMOTION_AUC_GATE_FAILED');
    expect(error.kind).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/0\.7400.*0\.7870/);
  });

  it('should reject when the live parity check fails', () => {
    const error = errorOf(() =>
      assertParity(version('new', 0.8), { ...goodParity, maxAbsDifference: 0.02, passed: false }),
    );

    expect(error.code).toBe('PROMOTION_PARITY_FAILED');
  });

  it("should reject when the trainer's own parity check failed", () => {
    expect(errorOf(() => assertParity(version('new', 0.8, false), goodParity)).code).toBe('PROMOTION_PARITY_FAILED');
  });

  it('should reject with an invalid-artifact error when the card lacks the gate figures', () => {
    const broken = { ...version('new', 0.8), card: {} };

    expect(errorOf(() => assertParity(broken, goodParity)).code).toBe('MODEL_ARTIFACT_INVALID');
  });
});
