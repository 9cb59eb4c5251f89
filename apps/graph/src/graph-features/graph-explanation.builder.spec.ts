import { GRAPH_FEATURE_NAMES, type GraphFeatures } from '@loanmesh/contracts';
import type { LocalFacts, WalkFacts } from '@loanmesh/features';

import { buildExplanations } from './graph-explanation.builder';

const noFeatures = Object.fromEntries(GRAPH_FEATURE_NAMES.map((n) => [n, 0])) as GraphFeatures;
const local: LocalFacts = {
  selfKeys: ['co-1'],
  cycles: [],
  reciprocal: [],
  contingentLiability: 0,
  neighbours: [],
  shared: [],
  coLocated: [],
  directorNetwork: [
    { id: 'co-9', key: 'co-9', defaulted: true, judged: false, via: 'dir-7' },
    { id: 'co-8', key: 'co-8', defaulted: false, judged: false, via: 'dir-7' },
  ],
  ownershipDepth: 0,
  ownershipCycle: [],
  topCustomer: null,
  topCustomerVolume: 0,
  selfDefaulted: false,
  profile: { registeredAt: null, registeredCapital: null, employees: null, annualRevenue: null },
};
const walk: WalkFacts = { distance: -1, defaultPath: [], community: new Map(), truncated: false };

describe(buildExplanations.name, () => {
  it('should name the director linking to a defaulted company as a person on the path', () => {
    const features = { ...noFeatures, directorNetworkDefaultRate: 0.5, directorNetworkSize: 2 };
    const [reason] = buildExplanations('co-1', features, local, walk);
    expect(reason).toMatchObject({ feature: 'directorNetworkDefaultRate', path: ['co-1', 'dir-7', 'co-9'] });
    expect(reason.people).toEqual(['dir-7']);
  });

  it('should list no people on a path of companies only', () => {
    const features = { ...noFeatures, inGuaranteeCircle: 1, guaranteeCircleSize: 3 };
    const [reason] = buildExplanations(
      'co-1',
      features,
      { ...local, cycles: [['co-1', 'co-2', 'co-3', 'co-1']] },
      walk,
    );
    expect(reason.path).toEqual(['co-1', 'co-2', 'co-3', 'co-1']);
    expect(reason.people).toBeUndefined();
  });
});
