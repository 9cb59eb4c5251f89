import type { GraphFeatures } from '@loanmesh/contracts';
import { assembleFeatures, walkNeighbourhoodSync } from '@loanmesh/features';

import { isoDay } from '../calendar/world-calendar';
import { financialsAsOf } from '../lending/credit-ledger';
import { IdentifierIndex } from './identifier.index';
import { worldHop } from './world-hop.reader';
import { ResolvedWorldIdentity } from './resolved-world-identity';
import type { WorldIdentity } from './world-identity';
import type { World } from '../world.types';
import { WorldGraph } from './world-graph';
import { WorldLocalFactsReader } from './world-local-facts.reader';

/**
 * The 19 graph risk features of a company as of a day, for training: the world only supplies
 * the facts (its local facts and the hop edges of the shared walk) and `@loanmesh/features`
 * assembles them, the same definition the graph service serves with. Which records are one
 * party comes from `identity` (the graph service's matcher for training, see
 * `ResolvedWorldIdentity`); person ties are rebuilt under it, defaults and judgments are the
 * generator's.
 */
export class GraphFeatureCalculator {
  private readonly graph: WorldGraph;
  private readonly local: WorldLocalFactsReader;

  constructor(
    private readonly world: World,
    generated: WorldGraph,
    private readonly identity: WorldIdentity = new ResolvedWorldIdentity(world),
  ) {
    this.graph = new WorldGraph(world, (p) => identity.person(p));
    this.graph.firstDefaultDay.set(generated.firstDefaultDay);
    this.graph.firstJudgmentDay.set(generated.firstJudgmentDay);
    const ids = new IdentifierIndex(world, (p) => identity.person(p));
    this.local = new WorldLocalFactsReader(this.graph, ids, identity);
  }

  compute(company: number, day: number): GraphFeatures {
    const local = this.local.read(company, day);
    const walk = walkNeighbourhoodSync(String(company), local.selfDefaulted, (ids) =>
      worldHop(this.world, this.graph, this.identity, ids, day),
    );
    const c = this.world.companies[company];
    const fin = financialsAsOf(c, day);
    const profile = {
      registeredAt: isoDay(c.regDay),
      registeredCapital: c.capital,
      employees: fin.employees,
      annualRevenue: fin.revenue,
    };
    return assembleFeatures(local, walk, profile, isoDay(day));
  }
}
