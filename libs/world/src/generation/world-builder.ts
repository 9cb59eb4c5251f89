import { dayOf } from '../calendar/world-calendar';
import { SeededRandom } from '../random/seeded-random';
import type { WorldOptions } from '../world.options';
import type {
  Account,
  CanonicalAddress,
  Company,
  DirectorLink,
  Guarantee,
  Loan,
  PaymentFlow,
  Person,
  PublicRecord,
  ShareholderLink,
  SupplierLink,
  WorldTruth,
} from '../world.types';
import { FIRST_NAMES, INDUSTRIES, LAST_NAMES, REGIONS, STREET_KINDS, STREETS } from './reference-data';

const pad = (n: number): string => String(n).padStart(6, '0');

/** Mutable state shared by the generation steps; `WorldGeneratorService` freezes it into a World. */
export class WorldBuilder {
  private activeRng: SeededRandom;
  readonly nowDay: number;
  readonly historyStartDay: number;
  readonly industries = INDUSTRIES;
  readonly regions = REGIONS;
  readonly addresses: CanonicalAddress[] = [];
  readonly phones: string[] = [];
  readonly companies: Company[] = [];
  readonly persons: Person[] = [];
  readonly directors: DirectorLink[] = [];
  readonly shareholders: ShareholderLink[] = [];
  readonly suppliers: SupplierLink[] = [];
  readonly accounts: Account[] = [];
  readonly flows: PaymentFlow[] = [];
  readonly loans: Loan[] = [];
  readonly guarantees: Guarantee[] = [];
  readonly records: PublicRecord[] = [];
  readonly truth: WorldTruth;
  private phoneCounter = 0;

  constructor(readonly options: WorldOptions) {
    this.activeRng = new SeededRandom(options.seed, 1);
    this.nowDay = dayOf(options.now);
    this.historyStartDay = dayOf(options.historyStart);
    this.truth = {
      seed: options.seed,
      scale: options.scale,
      sameEntities: [],
      guaranteeCircles: [],
      reciprocalGuarantees: [],
      fraudRings: [],
      shellCompanies: [],
      crowdedAddresses: [],
      circularOwnership: [],
      concentratedSuppliers: [],
      lookAlikes: {
        businessCentres: [],
        accountantOffices: [],
        groupCrossGuarantees: [],
        youngHealthy: [],
        cleanRingMembers: [],
      },
      downturns: options.downturns,
    };
  }

  /** The generator every step draws from (the main stream unless inside `withStream`). */
  get rng(): SeededRandom {
    return this.activeRng;
  }

  /**
   * Runs one step on its own PRNG stream of the seed, so adding or resizing that step leaves
   * every draw of the main stream (and so the rest of the world) where it was.
   */
  withStream(stream: number, step: () => void): void {
    const main = this.activeRng;
    this.activeRng = new SeededRandom(this.options.seed, stream);
    try {
      step();
    } finally {
      this.activeRng = main;
    }
  }

  newAddress(region: number): number {
    const r = this.rng;
    const reg = this.regions[region] ?? this.regions[0];
    const index = this.addresses.length;
    const letters = 'ABCDEFGHJKLMNPRSTUWY';
    const postcode = `${letters.charAt(r.int(20))}${letters.charAt(r.int(20))}${r.between(1, 29)} ${r.int(10)}${letters.charAt(r.int(20))}${letters.charAt(r.int(20))}`;
    this.addresses.push({
      line1: `${r.between(1, 240)} ${r.pick(STREETS)} ${r.pick(STREET_KINDS)}`,
      city: r.pick(reg.cities),
      postcode,
    });
    return index;
  }

  /** Every new phone number is distinct (a counter mixed into the digits); sharing is planted explicitly. */
  newPhone(): number {
    const n = this.phoneCounter++;
    const area = 20 + this.rng.int(79);
    const body = String((n * 7919 + this.rng.int(7919)) % 100_000_000).padStart(8, '0');
    this.phones.push(`0${area}${body}`);
    return this.phones.length - 1;
  }

  newPerson(region: number, firstDay: number, address = this.newAddress(region)): Person {
    const r = this.rng;
    const index = this.persons.length;
    const person: Person = {
      index,
      id: `PE-${pad(index + 1)}`,
      nationalId: `NI${String(r.nextUint32()).padStart(10, '0')}`,
      fullName: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
      birthYear: r.between(1950, 1998),
      address,
      phone: this.newPhone(),
      style: r.chance(0.7) ? 0 : r.between(1, 3),
      firstDay,
      duplicateOf: -1,
    };
    this.persons.push(person);
    return person;
  }

  addDirector(company: number, person: number, fromDay: number, role: DirectorLink['role'] = 'DIRECTOR'): void {
    this.directors.push({ company, person, role, fromDay });
    this.touchPerson(person, fromDay);
  }

  addShareholder(
    company: number,
    holderKind: 'person' | 'company',
    holder: number,
    share: number,
    fromDay: number,
  ): void {
    this.shareholders.push({ company, holderKind, holder, share: Math.round(share * 10_000) / 10_000, fromDay });
    if (holderKind === 'person') {
      this.touchPerson(holder, fromDay);
    }
  }

  /** A person is registered with the bank no later than their first relationship. */
  touchPerson(person: number, day: number): void {
    const p = this.persons[person];
    if (p && day < p.firstDay) {
      p.firstDay = day;
    }
  }

  company(index: number): Company {
    const c = this.companies[index];
    if (!c) {
      throw new RangeError(`no company ${index}`);
    }
    return c;
  }

  /** Companies that can take part in ordinary structure (no planted role, not a duplicate record). */
  isPlain(c: Company): boolean {
    return c.duplicateOf < 0 && !c.shell && c.ring < 0 && c.circle < 0 && c.pair < 0;
  }

  static ids = { pad };
}
