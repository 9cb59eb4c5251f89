import type { World } from '../world.types';
import { resolvePerson } from './world-graph';

interface Dated {
  readonly company: number;
  readonly day: number;
}

/**
 * Who shares which identifier (canonical address, canonical phone, account number) and
 * who directs which company, with the day each fact became known. Duplicate company
 * records are left out and duplicate persons resolved, like in the walk graph.
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

  constructor(world: Pick<World, 'companies' | 'persons' | 'accounts' | 'directors'>) {
    this.accountsOf = world.companies.map(() => []);
    this.directorsOf = world.companies.map(() => []);
    for (const c of world.companies) {
      if (c.duplicateOf < 0) {
        push(this.byAddress, c.address, { company: c.index, day: c.regDay });
        push(this.byPhone, c.phone, { company: c.index, day: c.regDay });
      }
    }
    for (const a of world.accounts) {
      if (a.ownerKind === 'company') {
        push(this.byAccountNumber, a.accountNumber, { company: a.owner, day: a.openedDay });
        this.accountsOf[a.owner].push({ number: a.accountNumber, day: a.openedDay });
      }
    }
    for (const d of world.directors) {
      const person = resolvePerson(world, d.person);
      this.directorsOf[d.company].push({ person, day: d.fromDay });
      push(this.directedBy, person, { company: d.company, day: d.fromDay });
    }
  }

  /** Account numbers of a company's accounts opened strictly before `day`. */
  accountNumbersOf(company: number, day: number): string[] {
    return this.accountsOf[company].filter((a) => a.day < day).map((a) => a.number);
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
