import type { MonotoneConstraint } from './gbm-params';

/**
 * Range a node's Newton weight -G/(H+lambda) must stay in (before the learning rate), set by
 * the monotone splits above it: XGBoost's and LightGBM's "basic" method. A split on a +1
 * feature caps its left subtree at the midpoint of the two child weights and floors its right
 * subtree there, so every leaf reached by a larger value is at least every leaf reached by a
 * smaller one; -1 mirrors that. Unconstrained splits pass their bounds down unchanged.
 */
export interface LeafBounds {
  lower: number;
  upper: number;
}

export const UNBOUNDED: LeafBounds = { lower: -Infinity, upper: Infinity };

/** The Newton weight clamped to the node's bounds (exactly -G/(H+lambda) when unbounded). */
export function boundedWeight(grad: number, hess: number, lambda: number, bounds: LeafBounds): number {
  return Math.min(Math.max(-grad / (hess + lambda), bounds.lower), bounds.upper);
}

/**
 * Twice the loss reduction a node achieves with its (bounded) weight w: -(2Gw + (H+lambda)w^2).
 * Inside the bounds w is the optimum and this is G^2/(H+lambda), computed in that form so an
 * unconstrained tree gets the same gains, bit for bit, as before constraints existed.
 */
export function nodeScore(grad: number, hess: number, lambda: number, bounds: LeafBounds): number {
  const optimum = -grad / (hess + lambda);
  if (optimum >= bounds.lower && optimum <= bounds.upper) {
    return (grad * grad) / (hess + lambda);
  }
  const w = boundedWeight(grad, hess, lambda, bounds);
  return -(2 * grad * w + (hess + lambda) * w * w);
}

/** Whether child weights (left: smaller values, right: larger) respect the feature's constraint. */
export function respectsConstraint(constraint: MonotoneConstraint, left: number, right: number): boolean {
  return constraint === 0 || (constraint > 0 ? left <= right : left >= right);
}

/** Bounds of the two children of a split on a feature with this constraint. */
export function childBounds(
  parent: LeafBounds,
  constraint: MonotoneConstraint,
  leftWeight: number,
  rightWeight: number,
): [LeafBounds, LeafBounds] {
  if (constraint === 0) {
    return [parent, parent];
  }
  const mid = (leftWeight + rightWeight) / 2;
  const below: LeafBounds = { lower: parent.lower, upper: mid };
  const above: LeafBounds = { lower: mid, upper: parent.upper };
  return constraint > 0 ? [below, above] : [above, below];
}

export function constraintOf(constraints: readonly MonotoneConstraint[], feature: number): MonotoneConstraint {
  return constraints[feature] ?? 0;
}
