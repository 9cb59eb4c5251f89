import type { FlaggedCompany, LocalFacts } from '@loanmesh/features';

import type { GraphMemoryStore } from './graph-memory.store';
import { isActive, type CompanyRecord, type CompanyTieType, type PersonRole } from './graph-memory.types';

const CYCLE_MAX = 6;
const OWNERSHIP_MAX = 10;
const NEVER = '9999-12-31';

/** Point-in-time reads over the in-memory graph; each mirrors one subquery of LOCAL_FEATURES. */
export class MemoryLocalFactsReader {
  constructor(
    private readonly store: GraphMemoryStore,
    private readonly asOf: string,
  ) {}

  read(id: string): LocalFacts | undefined {
    const c = this.store.companies.get(id);
    if (!c) {
      return undefined;
    }
    const topCustomer = this.topCustomer(c);
    return {
      selfKeys: this.selfKeys(c),
      cycles: this.guaranteeCycles(id),
      reciprocal: this.reciprocal(c),
      contingentLiability: this.out(c, 'GUARANTEES').reduce((sum, t) => sum + t.weight, 0),
      neighbours: this.neighbours(id).map((n) => this.flags(n)),
      shared: this.shared(c),
      coLocated: this.coLocated(c),
      directorNetwork: this.directorNetwork(id),
      ownershipDepth: this.ownershipDepth(id),
      ownershipCycle: this.ownershipCycle(id),
      topCustomer: topCustomer?.to ?? null,
      topCustomerVolume: topCustomer?.weight ?? 0,
      selfDefaulted: (c.firstDefaultAt ?? NEVER) < this.asOf,
      profile: {
        registeredAt: c.registeredAt,
        registeredCapital: c.registeredCapital,
        employees: c.employees,
        annualRevenue: c.annualRevenue,
      },
    };
  }

  flags(id: string): FlaggedCompany {
    const n = this.store.companies.get(id);
    return {
      id,
      key: n?.canonicalId ?? id,
      defaulted: (n?.firstDefaultAt ?? NEVER) < this.asOf,
      judged: (n?.firstJudgmentAt ?? NEVER) < this.asOf,
    };
  }

  out(c: CompanyRecord, type: CompanyTieType): CompanyRecord['ties'] {
    return c.ties.filter((t) => t.type === type && isActive(t, this.asOf));
  }

  in(id: string, type: CompanyTieType): string[] {
    return (this.store.tiesIn.get(id) ?? [])
      .filter((x) => x.tie.type === type && isActive(x.tie, this.asOf))
      .map((x) => x.from);
  }

  /** Companies sharing an active director or person shareholder (`SAME_AS*0..1` between the persons), with the person reached. */
  sharedPerson(id: string, types: ReadonlySet<PersonRole['type']>): { company: string; via: string }[] {
    const out: { company: string; via: string }[] = [];
    for (const role of this.store.rolesIn.get(id) ?? []) {
      if (!types.has(role.tie.type) || !isActive(role.tie, this.asOf)) {
        continue;
      }
      for (const person of [role.from, ...this.store.aliasesOf(role.from)]) {
        for (const r of this.store.persons.get(person)?.roles ?? []) {
          if (types.has(r.type) && r.to !== id && isActive(r, this.asOf)) {
            out.push({ company: r.to, via: person });
          }
        }
      }
    }
    return out;
  }

  private selfKeys(c: CompanyRecord): string[] {
    const aliases = [...this.store.aliasesOf(c.id)].map((a) => this.store.companies.get(a)?.canonicalId ?? a);
    return [...new Set(aliases), c.canonicalId ?? c.id];
  }

  /** Directed guarantee cycles of length 2..6 through the company, longest first (as node id lists). */
  private guaranteeCycles(start: string): string[][] {
    const cycles: string[][] = [];
    const path = [start];
    const walk = (node: string): void => {
      const c = this.store.companies.get(node);
      for (const t of c ? this.out(c, 'GUARANTEES') : []) {
        if (t.to === start && path.length >= 2) {
          cycles.push([...path, start]);
        } else if (t.to !== start && !path.includes(t.to) && path.length < CYCLE_MAX) {
          path.push(t.to);
          walk(t.to);
          path.pop();
        }
      }
    };
    walk(start);
    return cycles.sort((a, b) => b.length - a.length);
  }

  private reciprocal(c: CompanyRecord): string[] {
    const back = new Set(this.in(c.id, 'GUARANTEES'));
    return [...new Set(this.out(c, 'GUARANTEES').map((t) => t.to))].filter((o) => o !== c.id && back.has(o));
  }

  private neighbours(id: string): string[] {
    const c = this.store.companies.get(id);
    const direct = (['GUARANTEES', 'SUPPLIES', 'SHAREHOLDER_OF'] as const).flatMap((type) => [
      ...(c ? this.out(c, type).map((t) => t.to) : []),
      ...this.in(id, type),
    ]);
    const viaPerson = this.sharedPerson(id, ALL_ROLES).map((x) => x.company);
    return [...new Set([...direct, ...viaPerson])].filter((n) => n !== id);
  }

  private shared(c: CompanyRecord): FlaggedCompany[] {
    const seen = new Set<string>();
    const out: FlaggedCompany[] = [];
    const add = (n: string, via: string): void => {
      if (n !== c.id && !seen.has(`${n}|${via}`)) {
        seen.add(`${n}|${via}`);
        out.push({ ...this.flags(n), via });
      }
    };
    for (const t of c.identifiers.filter((x) => isActive(x, this.asOf))) {
      const via = t.type === 'HAS_PHONE' ? 'phone' : 'address';
      this.store.identifierMembers
        .get(`${t.type}:${t.to}`)
        ?.forEach((m) => isActive(m.tie, this.asOf) && add(m.from, via));
    }
    for (const a of c.accounts.filter((x) => x.token !== null && isActive(x, this.asOf))) {
      this.store.accountsByToken
        .get(a.token ?? '')
        ?.forEach((m) => isActive(m.tie, this.asOf) && add(m.from, 'account'));
    }
    return out;
  }

  private coLocated(c: CompanyRecord): string[] {
    const keys = new Set<string>();
    for (const t of c.identifiers.filter((x) => x.type === 'LOCATED_AT' && isActive(x, this.asOf))) {
      for (const m of this.store.identifierMembers.get(`LOCATED_AT:${t.to}`) ?? []) {
        if (m.from !== c.id && isActive(m.tie, this.asOf)) {
          keys.add(this.flags(m.from).key);
        }
      }
    }
    return [...keys];
  }

  private directorNetwork(id: string): FlaggedCompany[] {
    const seen = new Set<string>();
    const out: FlaggedCompany[] = [];
    for (const { company, via } of this.sharedPerson(id, DIRECTOR_ONLY)) {
      if (!seen.has(`${company}|${via}`)) {
        seen.add(`${company}|${via}`);
        out.push({ ...this.flags(company), via });
      }
    }
    return out;
  }

  /** Longest simple chain of corporate shareholders above the company (at most 10). */
  private ownershipDepth(start: string): number {
    let depth = 0;
    const path = [start];
    const up = (node: string): void => {
      for (const holder of this.in(node, 'SHAREHOLDER_OF')) {
        if (!path.includes(holder) && path.length <= OWNERSHIP_MAX) {
          depth = Math.max(depth, path.length);
          path.push(holder);
          up(holder);
          path.pop();
        }
      }
    };
    up(start);
    return depth;
  }

  /** Shortest shareholding chain that returns to the company ([c, holder, ..., c]), empty when none within 10. */
  private ownershipCycle(start: string): string[] {
    const parent = new Map<string, string>();
    let frontier = [start];
    for (let hop = 1; hop <= OWNERSHIP_MAX && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const holder of this.in(node, 'SHAREHOLDER_OF')) {
          if (holder === start) {
            return [...chain(node, start, parent), start];
          }
          if (!parent.has(holder)) {
            parent.set(holder, node);
            next.push(holder);
          }
        }
      }
      frontier = next;
    }
    return [];
  }

  private topCustomer(c: CompanyRecord): CompanyRecord['ties'][number] | undefined {
    return this.out(c, 'SUPPLIES').reduce<CompanyRecord['ties'][number] | undefined>(
      (best, t) => (!best || t.weight > best.weight ? t : best),
      undefined,
    );
  }
}

const ALL_ROLES: ReadonlySet<PersonRole['type']> = new Set(['DIRECTOR_OF', 'SHAREHOLDER_OF']);
const DIRECTOR_ONLY: ReadonlySet<PersonRole['type']> = new Set(['DIRECTOR_OF']);

function chain(node: string, start: string, parent: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (let n: string | undefined = node; n !== undefined && n !== start; n = parent.get(n)) {
    out.unshift(n);
  }
  return [start, ...out];
}
