import { categoricalSpecEntry, categoryCode } from './categorical-features';
import type { FeatureDescriptor } from './reason-codes';
import { topReasons } from './reason-codes';

describe(categoricalSpecEntry.name, () => {
  const purpose: FeatureDescriptor = {
    name: 'purpose',
    description: 'purpose (category, coded by its training default rate)',
    categories: ['used car', 'radio/tv', 'new car'],
  };

  it('should code an applicant category with the stored order and a blank or unseen one as missing', () => {
    expect(categoryCode(purpose, 'new car')).toBe(2);
    expect(categoryCode(purpose, '')).toBeNaN();
    expect(categoryCode(purpose, 'boat')).toBeNaN();
  });

  it('should name the applicant category in a reason when the category raised the risk', () => {
    const entry = categoricalSpecEntry(purpose);
    expect(entry).toBeDefined();
    const reasons = topReasons({ contributions: [0.3], values: [2], spec: entry ? [entry] : [] });
    expect(reasons.map((r) => r.text)).toEqual(['purpose is "new car"']);
  });

  it('should give no reason for a missing category and no entry for a numeric feature', () => {
    const entry = categoricalSpecEntry(purpose);
    expect(topReasons({ contributions: [0.3], values: [NaN], spec: entry ? [entry] : [] })).toEqual([]);
    expect(categoricalSpecEntry({ name: 'age', description: 'Value of age' })).toBeUndefined();
  });
});
