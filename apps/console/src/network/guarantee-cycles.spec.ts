import type { EgoEdge } from '../api/graph.types';
import { guaranteeCycleEdges } from './guarantee-cycles';

const edge = (from: string, to: string, type = 'GUARANTEES'): EgoEdge => ({
  type,
  from,
  to,
  validFrom: null,
  validTo: null,
  risky: false,
});

describe('guaranteeCycleEdges', () => {
  it('should mark the edges of a guarantee circle and not a chain hanging off it', () => {
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('p', 'a', 'DIRECTOR_OF')];
    expect([...guaranteeCycleEdges(edges)].sort()).toEqual([0, 1, 2]);
  });

  it('should find no circle in a chain or through other edge types', () => {
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a', 'HAS_PHONE')];
    expect(guaranteeCycleEdges(edges).size).toBe(0);
  });
});
