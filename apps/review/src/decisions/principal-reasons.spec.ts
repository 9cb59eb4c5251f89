import type { ReasonCode } from '@loanmesh/contracts';

import { principalReasons } from './principal-reasons';

const model = (feature: string, contribution: number): ReasonCode => ({
  code: feature.toUpperCase(),
  feature,
  contribution,
  text: feature,
  source: 'MODEL',
});

describe(principalReasons.name, () => {
  it('should rank rule hits first, then graph and model reasons by weight, at most four', () => {
    const r = principalReasons(
      [model('leverage', 0.9), model('age', 0.1), model('revenue', 0.5), model('helpful', -0.3)],
      [{ code: 'KO_PUBLIC_RECORD', kind: 'KNOCKOUT', feature: 'activePublicRecords', text: 'judgment' }],
      [
        {
          feature: 'sharedIdentifierBadCompanies',
          severity: 'HIGH',
          text: 'shares a phone with 3 companies that defaulted',
        },
      ],
    );
    expect(r.map((x) => x.source)).toEqual(['RULE', 'GRAPH', 'MODEL', 'MODEL']);
    expect(r.map((x) => x.feature)).toEqual([
      'activePublicRecords',
      'sharedIdentifierBadCompanies',
      'leverage',
      'revenue',
    ]);
  });

  it('should keep one reason per feature when sources overlap', () => {
    const r = principalReasons(
      [model('inGuaranteeCircle', 0.8)],
      [{ code: 'GRAPH_GUARANTEE_CIRCLE', kind: 'GRAPH', feature: 'inGuaranteeCircle', text: 'circle' }],
      [],
    );
    expect(r).toHaveLength(1);
    expect(r[0].source).toBe('RULE');
  });
});
