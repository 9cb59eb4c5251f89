import type { ReasonCode } from '@loanmesh/contracts';

import { principalReasons, reasonFact } from './principal-reasons';

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

  it('should keep one reason per fact when a rule and the model state it, model named graph_', () => {
    const r = principalReasons(
      [model('graph_inGuaranteeCircle', 0.8)],
      [{ code: 'GRAPH_GUARANTEE_CIRCLE', kind: 'GRAPH', feature: 'inGuaranteeCircle', text: 'circle' }],
      [],
    );
    expect(r).toHaveLength(1);
    expect(r[0].source).toBe('RULE');
  });

  it('should keep the graph text when the model ranks the same graph fact higher than the graph weight', () => {
    const r = principalReasons(
      [model('graph_sharedIdentifierBadCompanies', 3.5), model('leverage', 0.4)],
      [],
      [
        {
          feature: 'sharedIdentifierBadCompanies',
          severity: 'WARN',
          text: 'shares a phone with 2 defaulted companies',
        },
      ],
    );
    expect(r.map((x) => [x.source, x.feature])).toEqual([
      ['GRAPH', 'sharedIdentifierBadCompanies'],
      ['MODEL', 'leverage'],
    ]);
  });

  it('should treat the amount rule and the loanAmount model feature as one fact', () => {
    const r = principalReasons(
      [model('loanAmount', 0.6)],
      [{ code: 'AUTH_AMOUNT', kind: 'AUTHORITY', feature: 'amount', text: 'amount above authority' }],
      [],
    );
    expect(r.map((x) => x.code)).toEqual(['AUTH_AMOUNT']);
  });

  it('should drop model reasons below the minimum contribution', () => {
    const r = principalReasons([model('leverage', 0.004), model('netProfit', 0.02)], [], []);
    expect(r.map((x) => x.feature)).toEqual(['netProfit']);
  });
});

describe(reasonFact.name, () => {
  it.each([
    ['graph_shellScore', 'shellScore'],
    ['shellScore', 'shellScore'],
    ['amount', 'loanAmount'],
    ['priorDefaults', 'priorDefaults'],
  ])('should map %s to the fact %s', (feature, fact) => {
    expect(reasonFact(feature)).toBe(fact);
  });
});
