import type { FeatureSpecEntry } from '@loanmesh/features';

import type { FeatureDescriptor } from './reason-codes';

/**
 * The code serving feeds the model for an applicant's category, from the order stored with the
 * model (`FeatureDescriptor.categories`); NaN, the missing value, for a blank or unseen one.
 */
export function categoryCode(descriptor: FeatureDescriptor, category: string): number {
  const code = descriptor.categories?.indexOf(category) ?? -1;
  return code < 0 ? NaN : code;
}

/**
 * The reason entry of a categorical feature stored as a code: a category has no risky end, so a
 * risk-raising contribution is stated by naming the applicant's category. Undefined for a
 * feature that is not categorical.
 */
export function categoricalSpecEntry(descriptor: FeatureDescriptor): FeatureSpecEntry | undefined {
  if (!descriptor.categories) {
    return undefined;
  }
  return {
    name: descriptor.name,
    group: 'tabular',
    description: descriptor.description,
    direction: 'indicator',
    reason: {
      format: 'category',
      text: `${descriptor.name} is "{value}"`,
      categories: descriptor.categories,
    },
  };
}
