import type { ReasonCode } from '@loanmesh/contracts';

import { mergeGraphReasons } from './graph-reason.merger';

const reason = (feature: string, contribution: number): ReasonCode => ({
  code: `M-${feature}`,
  feature,
  contribution,
  text: `generic ${feature}`,
  source: 'MODEL',
});

describe(mergeGraphReasons.name, () => {
  const model = [
    reason('missedPayments12m', 0.5),
    reason('graph_defaultedNeighbourShare', 0.3),
    reason('leverage', 0.2),
    reason('age', 0.1),
  ];

  it('should quote the graph path on the matching model reason when the explanation is notable', () => {
    const merged = mergeGraphReasons(model, [
      {
        feature: 'defaultedNeighbourShare',
        severity: 'HIGH',
        text: 'Shares a director with 3 companies that defaulted',
      },
    ]);

    expect(merged[1]).toEqual({
      code: 'G-defaultedNeighbourShare',
      feature: 'graph_defaultedNeighbourShare',
      contribution: 0.3,
      text: 'Shares a director with 3 companies that defaulted',
      source: 'GRAPH',
    });
    expect(merged).toHaveLength(4);
  });

  it('should give the last slot to a HIGH graph reason when the model ranked no graph feature', () => {
    const merged = mergeGraphReasons(
      [reason('a', 4), reason('b', 3), reason('c', 2), reason('d', 1)],
      [{ feature: 'inGuaranteeCircle', severity: 'HIGH', text: 'In a guarantee circle of 5 companies' }],
    );

    expect(merged.map((r) => r.code)).toEqual(['M-a', 'M-b', 'M-c', 'G-inGuaranteeCircle']);
  });

  it("should carry the model's own attribution on an appended HIGH graph reason, not 0", () => {
    const merged = mergeGraphReasons(
      [reason('a', 4)],
      [{ feature: 'inGuaranteeCircle', severity: 'HIGH', text: 'In a guarantee circle of 5 companies' }],
      (feature) => (feature === 'graph_inGuaranteeCircle' ? 0.42 : undefined),
    );

    expect(merged[1]).toMatchObject({ feature: 'graph_inGuaranteeCircle', contribution: 0.42, source: 'GRAPH' });
  });

  it('should ignore INFO explanations when merging', () => {
    const merged = mergeGraphReasons(model, [{ feature: 'defaultedNeighbourShare', severity: 'INFO', text: 'x' }]);

    expect(merged).toEqual(model);
  });
});
