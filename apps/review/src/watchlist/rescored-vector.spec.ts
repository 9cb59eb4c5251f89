import { withFreshGraph } from './rescored-vector';

describe(withFreshGraph.name, () => {
  it('should replace the graph columns by name and keep the tabular ones when the model takes graph features', () => {
    const names = ['current_ratio', 'graph_defaultedNeighbourShare', 'graph_distanceToDefault', 'graph_missing'];

    const got = withFreshGraph(names, [1.5, 0, 0, 1], { defaultedNeighbourShare: 0.5, distanceToDefault: 1 });

    expect(got).toEqual([1.5, 0.5, 1, 0]);
  });

  it('should give nothing when the model takes no graph feature', () => {
    expect(withFreshGraph(['current_ratio'], [1.5], { distanceToDefault: 1 })).toBeUndefined();
  });
});
