import { nameVariant } from '../identity/identity-format';
import type { WorldBuilder } from '../generation/world-builder';
import type { Company, Person } from '../world.types';

/**
 * Near-duplicate identities: a share of directors re-registered under a new person id (new
 * national id, spelling variant, other phone and address formatting) and appointed to one
 * more company; a share of companies registered twice with a name variant and a differently
 * formatted registration number. The truth records every group.
 */
export function plantDuplicates(b: WorldBuilder): void {
  const { personShare, companyShare } = b.options.duplicates;
  const directorCount = b.directors.length;
  const persons = b.persons.length;
  const companies = b.companies.length;
  for (let i = 0; i < Math.round(persons * personShare); i++) {
    const link = b.directors[b.rng.int(directorCount)];
    duplicatePerson(b, b.persons[link.person], companies);
  }
  for (let i = 0; i < Math.round(companies * companyShare); i++) {
    const original = b.company(b.rng.int(companies));
    if (original.duplicateOf < 0 && b.isPlain(original)) {
      duplicateCompany(b, original);
    }
  }
}

function duplicatePerson(b: WorldBuilder, original: Person, companies: number): void {
  const copy = b.newPerson(0, b.nowDay, original.address);
  b.phones.pop();
  copy.phone = original.phone;
  copy.fullName = nameVariant(original.fullName, b.rng);
  copy.birthYear = original.birthYear;
  copy.style = (original.style + 1 + b.rng.int(3)) % 4;
  copy.duplicateOf = original.index;
  const other = b.company(b.rng.int(companies));
  const day = Math.min(b.nowDay - 1, Math.max(other.regDay, original.firstDay) + b.rng.int(900));
  b.addDirector(other.index, copy.index, day);
  b.truth.sameEntities.push({ kind: 'person', ids: [original.id, copy.id] });
}

function duplicateCompany(b: WorldBuilder, original: Company): void {
  const copy = { ...original, index: b.companies.length, id: `CO-${String(b.companies.length + 1).padStart(6, '0')}` };
  copy.name = nameVariant(original.name, b.rng);
  const rn = original.registrationNumber;
  copy.registrationNumber = `${rn.slice(0, 2)} ${rn.slice(2, 5)} ${rn.slice(5)}`;
  copy.style = (original.style + 1 + b.rng.int(3)) % 4;
  copy.duplicateOf = original.index;
  copy.eventDay =
    Math.max(original.regDay, b.historyStartDay) +
    b.rng.int(Math.max(1, b.nowDay - Math.max(original.regDay, b.historyStartDay)));
  copy.concentrated = false;
  copy.update = undefined;
  b.companies.push(copy);
  b.truth.sameEntities.push({ kind: 'company', ids: [original.id, copy.id] });
}
