import type { World } from '../world.types';
import type { PersonResolver } from './world-graph';

interface Dated {
  readonly company: number;
  readonly day: number;
}

/**
 * Who shares which identifier (canonical address, canonical phone, account number) and
 * who directs which company, with the day each fact became known. Every company record is
 * listed (a duplicate record too: the features count it once only when it is resolved to its
 * original); directors are resolved by `personOf`, like in the walk graph.
 */
export class IdentifierIndex {
  readonly byAddress = new Map<number, Dated[]>();
  readonly byPhone = new Map<number, Dated[]>();
  readonly byAccountNumber = new Map<string, Dated[]>();
  readonly accountsOf: { number: string; day: number }[][];
  /** company -> directors (resolved person, appointment day) */
  readonly directorsOf: { person: number; day: number }[][];
  /** resolved person -> directed companies */
  readonly directedBy = new Map<number, Dated[]>();

  constructor(
    private readonly world: Pick<World, 'companies' | 'accounts' | 'directors'>,
    personOf: PersonResolver,
  ) {
    this.accountsOf = world.companies.map(() => []);
    this.directorsOf = world.companies.map(() => []);
    for (const c of world.companies) {
      push(this.byAddress, c.address, { company: c.index, day: c.regDay });
      push(this.byPhone, c.phone, { company: c.index, day: c.regDay });
    }
    for (const a of world.accounts) {
      if (a.ownerKind === 'company') {
        push(this.byAccountNumber, a.accountNumber, { company: a.owner, day: a.openedDay });
        this.accountsOf[a.owner].push({ number: a.accountNumber, day: a.openedDay });
      }
    }
    for (const d of world.directors) {
      const person = personOf(d.person);
      this.directorsOf[d.company].push({ person, day: d.fromDay });
      push(this.directedBy, person, { company: d.company, day: d.fromDay });
    }
  }

  /** Account numbers of a company's accounts opened strictly before `day`. */
  accountNumbersOf(company: number, day: number): string[] {
    return this.accountsOf[company].filter((a) => a.day < day).map((a) => a.number);
  }

  /** Other companies sharing the address, the phone or an account number, known before the day. */
  sharedIdentifierCompanies(company: number, day: number): number[] {
    const c = this.world.companies[company];
    const out = new Set<number>();
    const collect = (list: readonly Dated[] | undefined): void => {
      list?.forEach((x) => x.day < day && x.company !== company && out.add(x.company));
    };
    collect(this.byAddress.get(c.address));
    collect(this.byPhone.get(c.phone));
    this.accountNumbersOf(company, day).forEach((n) => collect(this.byAccountNumber.get(n)));
    return [...out];
  }

  /** Other companies registered at the company's address before the day. */
  coLocated(company: number, day: number): number[] {
    const list = this.byAddress.get(this.world.companies[company].address) ?? [];
    return list.filter((x) => x.company !== company && x.day < day).map((x) => x.company);
  }

  /** Other companies with a director (appointed before the day) in common with the company. */
  directorNetwork(company: number, day: number): number[] {
    const out = new Set<number>();
    for (const d of this.directorsOf[company]) {
      if (d.day < day) {
        this.directedBy.get(d.person)?.forEach((x) => x.day < day && x.company !== company && out.add(x.company));
      }
    }
    return [...out];
  }
}

function push<K>(map: Map<K, Dated[]>, key: K, value: Dated): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
