import type { GraphFeatures } from '@loanmesh/contracts';
import { customerConcentrationOf, shareOf, shellScoreOf } from '@loanmesh/features';

import { financialsAsOf } from '../lending/credit-ledger';
import type { World } from '../world.types';
import { IdentifierIndex } from './identifier.index';
import { Tie, type WorldGraph } from './world-graph';

const STRONG_TIES: ReadonlySet<number> = new Set([
  Tie.GuaranteesOut,
  Tie.GuaranteedBy,
  Tie.Holds,
  Tie.HeldBy,
  Tie.SharedPerson,
]);
// Plain numbers so typed-array kinds compare without enum casts.
const GUARANTEES_OUT: number = Tie.GuaranteesOut;
const SUPPLIES: number = Tie.Supplies;
const CYCLE_MAX = 6;
const DEFAULT_RADIUS = 4;
const COMMUNITY_HOPS = 3;
const OWNERSHIP_MAX = 10;

/**
 * The 19 graph risk features of a company as of a day, by in-memory walks over the world
 * graph. Only facts dated strictly before the day count. The definitions are the ones in
 * docs/world.md (the Cypher implementation follows the same text).
 */
export class GraphFeatureCalculator {
  private readonly ids: IdentifierIndex;

  constructor(
    private readonly world: Pick<World, 'companies' | 'persons' | 'accounts' | 'directors'>,
    private readonly graph: WorldGraph,
  ) {
    this.ids = new IdentifierIndex(world);
  }

  compute(company: number, day: number): GraphFeatures {
    const cycle = this.guaranteeCycles(company, day);
    const neighbours = this.graph.neighbours(company, day);
    const shared = this.sharedIdentifierCompanies(company, day);
    const crowding = this.addressCrowding(company, day);
    const directorNet = this.directorNetwork(company, day);
    const distance = this.distanceToDefault(company, day);
    const ownership = this.ownership(company, day);
    const community = this.community(company, day);
    return {
      inGuaranteeCircle: cycle.size > 0 ? 1 : 0,
      guaranteeCircleSize: cycle.size,
      reciprocalGuarantees: this.reciprocal(company, day),
      contingentLiability: this.contingentLiability(company, day),
      defaultedNeighbourShare: this.share(neighbours, (n) => this.graph.defaultedBefore(n, day)),
      judgmentNeighbourShare: this.share(neighbours, (n) => this.graph.judgedBefore(n, day)),
      distanceToDefault: Math.max(0, distance),
      nearestDefaultFound: distance >= 0 ? 1 : 0,
      sharedIdentifierCompanies: shared.length,
      sharedIdentifierBadCompanies: shared.filter((n) => this.isBad(n, day)).length,
      addressCrowding: crowding,
      shellScore: this.shellScore(company, day, crowding),
      directorNetworkSize: directorNet.length,
      directorNetworkDefaultRate: this.share(directorNet, (n) => this.graph.defaultedBefore(n, day)),
      ownershipChainDepth: ownership.depth,
      circularOwnership: ownership.circular ? 1 : 0,
      customerConcentration: this.customerConcentration(company, day),
      communitySize: community.length + 1,
      communityDefaultRate: this.share(community, (n) => this.graph.defaultedBefore(n, day)),
    };
  }

  private share(list: readonly number[], test: (n: number) => boolean): number {
    return shareOf(list.filter(test).length, list.length);
  }

  private isBad(company: number, day: number): boolean {
    return this.graph.defaultedBefore(company, day) || this.graph.judgedBefore(company, day);
  }

  /** Companies on directed guarantee cycles of length 2..6 through `start` (start included). */
  private guaranteeCycles(start: number, day: number): Set<number> {
    const onCycle = new Set<number>();
    const path: number[] = [start];
    const walk = (node: number): void => {
      for (let e = this.graph.offsets[node]; e < this.graph.offsets[node + 1]; e++) {
        if (this.graph.kind[e] !== GUARANTEES_OUT || !this.graph.active(e, day)) {
          continue;
        }
        const next = this.graph.dst[e];
        if (next === start && path.length >= 2) {
          path.forEach((p) => onCycle.add(p));
        } else if (!path.includes(next) && path.length < CYCLE_MAX) {
          path.push(next);
          walk(next);
          path.pop();
        }
      }
    };
    walk(start);
    return onCycle;
  }

  private reciprocal(company: number, day: number): number {
    const out = new Set(this.graph.neighbours(company, day, new Set([Tie.GuaranteesOut])));
    return this.graph.neighbours(company, day, new Set([Tie.GuaranteedBy])).filter((n) => out.has(n)).length;
  }

  private contingentLiability(company: number, day: number): number {
    let total = 0;
    for (let e = this.graph.offsets[company]; e < this.graph.offsets[company + 1]; e++) {
      if (this.graph.kind[e] === GUARANTEES_OUT && this.graph.active(e, day)) {
        total += this.graph.weight[e];
      }
    }
    return total;
  }

  /** Breadth-first over all active ties; 0 = the company itself defaulted, -1 = none within 4 hops. */
  private distanceToDefault(company: number, day: number): number {
    if (this.graph.defaultedBefore(company, day)) {
      return 0;
    }
    const seen = new Set([company]);
    let frontier = [company];
    for (let hop = 1; hop <= DEFAULT_RADIUS; hop++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const n of this.graph.neighbours(node, day)) {
          if (!seen.has(n) && this.exists(n, day)) {
            if (this.graph.defaultedBefore(n, day)) {
              return hop;
            }
            seen.add(n);
            next.push(n);
          }
        }
      }
      frontier = next;
    }
    return -1;
  }

  private exists(company: number, day: number): boolean {
    return this.world.companies[company].regDay < day;
  }

  private sharedIdentifierCompanies(company: number, day: number): number[] {
    const c = this.world.companies[company];
    const out = new Set<number>();
    const collect = (list: readonly { company: number; day: number }[] | undefined): void => {
      list?.forEach((x) => x.day < day && x.company !== company && out.add(x.company));
    };
    collect(this.ids.byAddress.get(c.address));
    collect(this.ids.byPhone.get(c.phone));
    this.ids.accountNumbersOf(company, day).forEach((n) => collect(this.ids.byAccountNumber.get(n)));
    return [...out];
  }

  private addressCrowding(company: number, day: number): number {
    const list = this.ids.byAddress.get(this.world.companies[company].address) ?? [];
    return 1 + list.filter((x) => x.company !== company && x.day < day).length;
  }

  private shellScore(company: number, day: number, crowding: number): number {
    const c = this.world.companies[company];
    const fin = financialsAsOf(c, day);
    return shellScoreOf({
      ageDays: day - c.regDay,
      registeredCapital: c.capital,
      employees: fin.employees,
      addressCrowding: crowding,
      annualRevenue: fin.revenue,
    });
  }

  /** Other companies with a director (appointed before the day) in common with the applicant. */
  private directorNetwork(company: number, day: number): number[] {
    const out = new Set<number>();
    for (const d of this.ids.directorsOf[company]) {
      if (d.day < day) {
        this.ids.directedBy.get(d.person)?.forEach((x) => x.day < day && x.company !== company && out.add(x.company));
      }
    }
    return [...out];
  }

  /** Longest chain of corporate shareholders above the company, and whether it loops back. */
  private ownership(company: number, day: number): { depth: number; circular: boolean } {
    let depth = 0;
    let circular = false;
    const path = [company];
    const up = (node: number): void => {
      depth = Math.max(depth, path.length - 1);
      for (const holder of this.graph.neighbours(node, day, new Set([Tie.HeldBy]))) {
        if (holder === company) {
          circular = true;
        } else if (!path.includes(holder) && path.length <= OWNERSHIP_MAX) {
          path.push(holder);
          up(holder);
          path.pop();
        }
      }
    };
    up(company);
    return { depth, circular };
  }

  private customerConcentration(company: number, day: number): number {
    const revenue = financialsAsOf(this.world.companies[company], day).revenue;
    let top = 0;
    for (let e = this.graph.offsets[company]; e < this.graph.offsets[company + 1]; e++) {
      if (this.graph.kind[e] === SUPPLIES && this.graph.active(e, day)) {
        top = Math.max(top, this.graph.weight[e]);
      }
    }
    return customerConcentrationOf(top, revenue);
  }

  /** Companies within 3 hops over guarantee, shareholding and shared-person ties (applicant excluded). */
  private community(company: number, day: number): number[] {
    const seen = new Set([company]);
    let frontier = [company];
    for (let hop = 1; hop <= COMMUNITY_HOPS; hop++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const n of this.graph.neighbours(node, day, STRONG_TIES)) {
          if (!seen.has(n) && this.exists(n, day)) {
            seen.add(n);
            next.push(n);
          }
        }
      }
      frontier = next;
    }
    seen.delete(company);
    return [...seen];
  }
}
