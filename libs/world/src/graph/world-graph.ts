import { NEVER } from '../calendar/world-calendar';
import type { World } from '../world.types';

/** Kinds of company-to-company ties in the walk graph. */
export const enum Tie {
  GuaranteesOut = 0,
  GuaranteedBy = 1,
  Supplies = 2,
  SuppliedBy = 3,
  Holds = 4,
  HeldBy = 5,
  SharedPerson = 6,
}

/** The subset of a world the graph index reads (a World, or a builder during generation). */
export type GraphSource = Pick<
  World,
  'companies' | 'persons' | 'directors' | 'shareholders' | 'suppliers' | 'guarantees' | 'loans' | 'accounts' | 'records'
>;

interface EdgeList {
  src: number[];
  dst: number[];
  from: number[];
  to: number[];
  kind: number[];
  weight: number[];
}

/**
 * Compact company graph in CSR form (typed arrays): every tie carries the day it starts
 * and the day it ends (NEVER if open), so walks can be run "as of" any day. Person records
 * are resolved by `personOf`; duplicate company records have no ties of their own.
 */
export class WorldGraph {
  readonly offsets: Int32Array;
  readonly dst: Int32Array;
  readonly fromDay: Int32Array;
  readonly toDay: Int32Array;
  readonly kind: Uint8Array;
  readonly weight: Float64Array;
  /** First default day per company (NEVER if none); filled by the default simulator. */
  readonly firstDefaultDay: Int32Array;
  /** First court-judgment filing day per company (NEVER if none). */
  readonly firstJudgmentDay: Int32Array;

  /** @param personOf the canonical person of a person record (the generator's truth if omitted). */
  constructor(source: GraphSource, personOf: PersonResolver = (p) => resolvePerson(source, p)) {
    const n = source.companies.length;
    const edges = collectEdges(source, personOf);
    this.offsets = new Int32Array(n + 1);
    for (const s of edges.src) {
      this.offsets[s + 1]++;
    }
    for (let i = 0; i < n; i++) {
      this.offsets[i + 1] += this.offsets[i];
    }
    const m = edges.src.length;
    this.dst = new Int32Array(m);
    this.fromDay = new Int32Array(m);
    this.toDay = new Int32Array(m);
    this.kind = new Uint8Array(m);
    this.weight = new Float64Array(m);
    const cursor = this.offsets.slice(0, n);
    for (let e = 0; e < m; e++) {
      const at = cursor[edges.src[e]]++;
      this.dst[at] = edges.dst[e]!;
      this.fromDay[at] = edges.from[e]!;
      this.toDay[at] = edges.to[e]!;
      this.kind[at] = edges.kind[e]!;
      this.weight[at] = edges.weight[e]!;
    }
    this.firstDefaultDay = new Int32Array(n).fill(NEVER);
    this.firstJudgmentDay = new Int32Array(n).fill(NEVER);
  }

  get edgeCount(): number {
    return this.dst.length;
  }

  /** True when tie `e` exists strictly before `day` and has not ended by then. */
  active(e: number, day: number): boolean {
    return this.fromDay[e] < day && this.toDay[e] >= day;
  }

  defaultedBefore(company: number, day: number): boolean {
    return this.firstDefaultDay[company] < day;
  }

  judgedBefore(company: number, day: number): boolean {
    return this.firstJudgmentDay[company] < day;
  }

  /** Distinct active neighbours of a company over the given tie kinds (all kinds if omitted). */
  neighbours(company: number, day: number, kinds?: ReadonlySet<number>): number[] {
    const seen = new Set<number>();
    for (let e = this.offsets[company]; e < this.offsets[company + 1]; e++) {
      if ((!kinds || kinds.has(this.kind[e])) && this.active(e, day) && this.dst[e] !== company) {
        seen.add(this.dst[e]);
      }
    }
    return [...seen];
  }
}

export type PersonResolver = (person: number) => number;

function collectEdges(source: GraphSource, personOf: PersonResolver): EdgeList {
  const edges: EdgeList = { src: [], dst: [], from: [], to: [], kind: [], weight: [] };
  const add = (a: number, b: number, from: number, to: number, kind: Tie, back: Tie, weight = 0): void => {
    edges.src.push(a, b);
    edges.dst.push(b, a);
    edges.from.push(from, from);
    edges.to.push(to, to);
    edges.kind.push(kind, back);
    edges.weight.push(weight, weight);
  };
  for (const g of source.guarantees) {
    if (g.guarantorKind === 'company') {
      add(g.guarantor, source.loans[g.loan].company, g.fromDay, g.toDay, Tie.GuaranteesOut, Tie.GuaranteedBy, g.amount);
    }
  }
  for (const s of source.suppliers) {
    add(s.supplier, s.customer, s.fromDay, NEVER, Tie.Supplies, Tie.SuppliedBy, s.volume);
  }
  for (const s of source.shareholders) {
    if (s.holderKind === 'company') {
      add(s.holder, s.company, s.fromDay, NEVER, Tie.Holds, Tie.HeldBy, s.share);
    }
  }
  addSharedPersonTies(source, personOf, add);
  return edges;
}

type AddTie = (a: number, b: number, from: number, to: number, kind: Tie, back: Tie) => void;

/** Two companies sharing a director or a person shareholder are tied from the later appointment on. */
function addSharedPersonTies(source: GraphSource, personOf: PersonResolver, add: AddTie): void {
  const byPerson = new Map<number, Map<number, number>>();
  const note = (person: number, company: number, day: number): void => {
    const canonical = personOf(person);
    const companies = byPerson.get(canonical) ?? new Map<number, number>();
    companies.set(company, Math.min(companies.get(company) ?? NEVER, day));
    byPerson.set(canonical, companies);
  };
  source.directors.forEach((d) => note(d.person, d.company, d.fromDay));
  source.shareholders.forEach((s) => s.holderKind === 'person' && note(s.holder, s.company, s.fromDay));
  for (const companies of byPerson.values()) {
    const list = [...companies.entries()];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, da] = list[i];
        const [b, db] = list[j];
        add(a, b, Math.max(da, db), NEVER, Tie.SharedPerson, Tie.SharedPerson);
      }
    }
  }
}

export function resolvePerson(source: Pick<World, 'persons'>, person: number): number {
  const p = source.persons[person];
  return p && p.duplicateOf >= 0 ? p.duplicateOf : person;
}
