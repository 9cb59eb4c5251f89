import fc from 'fast-check';

import { featureInputSchema, StoreLimits } from '@loanmesh/contracts';
import { zodArbitrary } from '@loanmesh/testing';

import { buildFeatureVector } from './feature-vector.builder';

describe(`${buildFeatureVector.name} on accepted inputs`, () => {
  it('should give a finite float32 value for every feature when the input satisfies the contract', () => {
    fc.assert(
      fc.property(zodArbitrary(featureInputSchema), fc.boolean(), (input, includeGraph) => {
        const vector = buildFeatureVector(input, { includeGraph });
        // The ONNX input tensor is float32: a value past its range would arrive as Infinity.
        const tensor = Float32Array.from(vector);

        expect(vector.every((v) => Math.abs(v) <= StoreLimits.float32Max)).toBe(true);
        expect(tensor.every((v) => Number.isFinite(v))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
