import { featureChanges, ruleChanges, samePd } from './replay-diff';

describe('replay diff', () => {
  it('should list only the features whose values moved, tolerating float noise', () => {
    const changes = featureChanges(
      { guaranteeCircleSize: 3, contagionScore: 0.25, sharedIdentifierCompanies: 1 },
      { guaranteeCircleSize: 3, contagionScore: 0.25 + 1e-12, sharedIdentifierCompanies: 2, newFeature: 7 },
    );

    expect(changes).toEqual([
      { feature: 'newFeature', stored: null, replayed: 7 },
      { feature: 'sharedIdentifierCompanies', stored: 1, replayed: 2 },
    ]);
  });

  it('should mark rule codes gained and lost', () => {
    expect(ruleChanges(['KO_PUBLIC_RECORD', 'GRAPH_CIRCLE'], ['GRAPH_CIRCLE', 'AUTHORITY_LIMIT'])).toEqual([
      '+AUTHORITY_LIMIT',
      '-KO_PUBLIC_RECORD',
    ]);
  });

  it('should treat a missing replayed probability as different', () => {
    expect([samePd(0.1234567, 0.1234568), samePd(0.12, 0.13), samePd(0.12, null)]).toEqual([true, false, false]);
  });
});
