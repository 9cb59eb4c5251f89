import { stringifyWithLiteral } from '../raw-json';
import { getAt } from '../json-tree';
import { leavesOfType, type Mutator, pickPath } from './mutator';

/**
 * Literal number texts written verbatim into the JSON: overflow to ±Infinity (1e400),
 * negative zero, 2^53+1 (not representable), int32 overflow, the smallest subnormal,
 * a fraction where an integer belongs, and an out-of-range exponent written as NaN.
 */
export const BOUNDARY_LITERALS: readonly string[] = [
  '1e400',
  '-1e400',
  '-0',
  '9007199254740993',
  '-9007199254740993',
  '2147483648',
  '1e308',
  '5e-324',
  '0.5',
  '1e-7',
];

/** A numeric field set to a boundary or non-finite literal, or to its own negative. */
export const boundaryNumber: Mutator = {
  name: 'boundary-number',
  description: 'a number field set to 1e400, -0, 2^53+1, 2^31, 1e308, 5e-324, a fraction, or a negative amount',
  apply(event, ctx) {
    const path = pickPath(ctx, leavesOfType(event, 'number'), ['schemaVersion']);
    if (ctx.rng.chance(0.25)) {
      const current = getAt(event, path);
      const negative = -Math.max(1, Math.abs(typeof current === 'number' ? current : 1));
      return [{ value: stringifyWithLiteral(event, path, String(negative)), variant: 'negative' }];
    }
    const literal = ctx.rng.pick(BOUNDARY_LITERALS);
    return [{ value: stringifyWithLiteral(event, path, literal), variant: literal }];
  },
};
