import type { World } from '../world.types';
import { resolvePerson } from './world-graph';

/**
 * Which records of the world are one real-world party, as the features see it: the canonical
 * key of a company record (records of one company share it, so they count once) and the
 * canonical person of a person record.
 */
export interface WorldIdentity {
  companyKey(company: number): string;
  /** The applicant's own keys (its record's and every linked record's). */
  selfKeys(company: number): string[];
  person(person: number): number;
}

/** The generator's truth: a duplicate record is its original. */
export class TrueWorldIdentity implements WorldIdentity {
  constructor(private readonly world: Pick<World, 'companies' | 'persons'>) {}

  companyKey(company: number): string {
    const c = this.world.companies[company];
    return String(c.duplicateOf >= 0 ? c.duplicateOf : company);
  }

  selfKeys(company: number): string[] {
    return [this.companyKey(company)];
  }

  person(person: number): number {
    return resolvePerson(this.world, person);
  }
}
