import type { World } from '../world.types';
import { resolvePerson } from './world-graph';

/**
 * Which records of the world are one real-world party, as the features see them: the canonical
 * key of a company record (records of one company share it, so they count once), the records a
 * company record is linked to (SAME_AS), and the canonical person of a person record.
 */
export interface WorldIdentity {
  companyKey(company: number): string;
  /** The applicant's own keys (its record's and every linked record's). */
  selfKeys(company: number): string[];
  /** Company records directly linked SAME_AS to this one. */
  aliases(company: number): readonly number[];
  person(person: number): number;
}

/** The generator's truth: a duplicate record is its original. */
export class TrueWorldIdentity implements WorldIdentity {
  private readonly linked = new Map<number, number[]>();

  constructor(private readonly world: Pick<World, 'companies' | 'persons'>) {
    for (const c of world.companies) {
      if (c.duplicateOf >= 0) {
        this.linked.set(c.index, [c.duplicateOf]);
        this.linked.set(c.duplicateOf, [...(this.linked.get(c.duplicateOf) ?? []), c.index]);
      }
    }
  }

  companyKey(company: number): string {
    const c = this.world.companies[company];
    return String(c.duplicateOf >= 0 ? c.duplicateOf : company);
  }

  selfKeys(company: number): string[] {
    return [this.companyKey(company)];
  }

  aliases(company: number): readonly number[] {
    return this.linked.get(company) ?? [];
  }

  person(person: number): number {
    return resolvePerson(this.world, person);
  }
}
