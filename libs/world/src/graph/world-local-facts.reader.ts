import type { FlaggedCompany, LocalFacts } from '@loanmesh/features';

import type { IdentifierIndex } from './identifier.index';
import type { WorldIdentity } from './world-identity';
import { Tie, type WorldGraph } from './world-graph';

// Plain numbers so typed-array kinds compare without enum casts.
const GUARANTEES_OUT: number = Tie.GuaranteesOut;
const SUPPLIES: number = Tie.Supplies;
const CYCLE_MAX = 6;
const OWNERSHIP_MAX = 10;

/**
 * The world's answer to the graph service's local feature query (`LocalFacts`), from the
 * in-memory world graph as of a day: only facts dated strictly before the day count. Ids are
 * company indices as strings; keys come from the entity resolution the world was given.
 */
export class WorldLocalFactsReader {
  constructor(
    private readonly graph: WorldGraph,
    private readonly ids: IdentifierIndex,
    private readonly identity: WorldIdentity,
  ) {}

  read(company: number, day: number): LocalFacts {
    const top = this.topCustomer(company, day);
    return {
      selfKeys: this.identity.selfKeys(company),
      cycles: this.guaranteeCycles(company, day),
      reciprocal: this.reciprocal(company, day).map(String),
      contingentLiability: this.contingentLiability(company, day),
      neighbours: this.graph.neighbours(company, day).map((n) => this.flags(n, day)),
      shared: this.ids.sharedIdentifierCompanies(company, day).map((n) => this.flags(n, day)),
      // Distinct keys, like the graph service: a linked duplicate record at the address counts once.
      coLocated: [...new Set(this.ids.coLocated(company, day).map((n) => this.identity.companyKey(n)))],
      directorNetwork: this.ids.directorNetwork(company, day).map((n) => this.flags(n, day)),
      ownershipDepth: this.ownershipDepth(company, day),
      ownershipCycle: this.ownershipCycle(company, day),
      topCustomer: top.customer < 0 ? null : String(top.customer),
      topCustomerVolume: top.volume,
      selfDefaulted: this.graph.defaultedBefore(company, day),
      // The assembler takes the filing as of the day separately (see GraphFeatureCalculator).
      profile: { registeredAt: null, registeredCapital: null, employees: null, annualRevenue: null },
    };
  }

  flags(company: number, day: number): FlaggedCompany {
    return {
      id: String(company),
      key: this.identity.companyKey(company),
      defaulted: this.graph.defaultedBefore(company, day),
      judged: this.graph.judgedBefore(company, day),
    };
  }

  /** Directed guarantee cycles of length 2..6 through `start`, each as [start, ..., start]. */
  private guaranteeCycles(start: number, day: number): string[][] {
    const cycles: string[][] = [];
    const path: number[] = [start];
    const walk = (node: number): void => {
      for (let e = this.graph.offsets[node]; e < this.graph.offsets[node + 1]; e++) {
        if (this.graph.kind[e] !== GUARANTEES_OUT || !this.graph.active(e, day)) {
          continue;
        }
        const next = this.graph.dst[e];
        if (next === start && path.length >= 2) {
          cycles.push([...path, start].map(String));
        } else if (!path.includes(next) && path.length < CYCLE_MAX) {
          path.push(next);
          walk(next);
          path.pop();
        }
      }
    };
    walk(start);
    return cycles;
  }

  private reciprocal(company: number, day: number): number[] {
    const out = new Set(this.graph.neighbours(company, day, new Set([Tie.GuaranteesOut])));
    return this.graph.neighbours(company, day, new Set([Tie.GuaranteedBy])).filter((n) => out.has(n));
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

  /** Longest simple chain of corporate shareholders above the company (at most 10). */
  private ownershipDepth(company: number, day: number): number {
    let depth = 0;
    const path = [company];
    const up = (node: number): void => {
      depth = Math.max(depth, path.length - 1);
      for (const holder of this.graph.neighbours(node, day, new Set([Tie.HeldBy]))) {
        if (holder !== company && !path.includes(holder) && path.length <= OWNERSHIP_MAX) {
          path.push(holder);
          up(holder);
          path.pop();
        }
      }
    };
    up(company);
    return depth;
  }

  /** A shareholding chain that returns to the company ([c, holder, ..., c]), empty when none. */
  private ownershipCycle(company: number, day: number): string[] {
    const path = [company];
    const up = (node: number): number[] | undefined => {
      for (const holder of this.graph.neighbours(node, day, new Set([Tie.HeldBy]))) {
        if (holder === company) {
          return [...path, company];
        }
        if (!path.includes(holder) && path.length <= OWNERSHIP_MAX) {
          path.push(holder);
          const found = up(holder);
          path.pop();
          if (found) {
            return found;
          }
        }
      }
      return undefined;
    };
    return (up(company) ?? []).map(String);
  }

  private topCustomer(company: number, day: number): { customer: number; volume: number } {
    const top = { customer: -1, volume: 0 };
    for (let e = this.graph.offsets[company]; e < this.graph.offsets[company + 1]; e++) {
      if (this.graph.kind[e] === SUPPLIES && this.graph.active(e, day) && this.graph.weight[e] > top.volume) {
        top.customer = this.graph.dst[e];
        top.volume = this.graph.weight[e];
      }
    }
    return top;
  }
}
