import { createCompany, ordinaryRegDay } from './company.factory';
import type { WorldBuilder } from './world-builder';

/**
 * Ordinary companies, their directors and shareholders. Business groups occupy consecutive
 * indices with the parent first, so "parent index < child index" holds for every group.
 */
export function generateOrdinaryCompanies(b: WorldBuilder): void {
  const { companies, businessGroups } = b.options;
  const meanGroupSize = 3.5;
  let i = 0;
  while (i < companies) {
    const startsGroup = b.rng.chance(businessGroups.share / meanGroupSize);
    const size = startsGroup ? Math.min(companies - i, b.rng.between(2, 5)) : 1;
    if (size > 1) {
      createGroup(b, size);
    } else {
      createStandalone(b);
    }
    i += size;
  }
}

function createStandalone(b: WorldBuilder): void {
  const c = createCompany(b, { regDay: ordinaryRegDay(b), quality: b.rng.normal() });
  const first = b.newPerson(c.region, c.regDay);
  b.addDirector(c.index, first.index, c.regDay, 'LEGAL_REPRESENTATIVE');
  const second = secondDirector(b, c.index, c.region, c.regDay);
  if (second >= 0) {
    b.addShareholder(c.index, 'person', first.index, 0.6, c.regDay);
    b.addShareholder(c.index, 'person', second, 0.4, c.regDay);
  } else {
    b.addShareholder(c.index, 'person', first.index, 1, c.regDay);
  }
}

/** 40% have a second director; a quarter of those already direct another company. */
function secondDirector(b: WorldBuilder, company: number, region: number, day: number): number {
  if (!b.rng.chance(0.4)) {
    return -1;
  }
  const reuse = company > 10 && b.rng.chance(0.25);
  const person = reuse ? b.directors[b.rng.int(b.directors.length)].person : b.newPerson(region, day).index;
  b.addDirector(company, person, day);
  return person;
}

function createGroup(b: WorldBuilder, size: number): void {
  const effect = b.options.businessGroups.effectSigma * b.rng.normal();
  const baseQuality = b.rng.normal() * 0.7;
  const parent = createCompany(b, { regDay: ordinaryRegDay(b), quality: baseQuality + 0.7 * b.rng.normal() });
  parent.groupEffect = effect;
  const owner = b.newPerson(parent.region, parent.regDay);
  b.addDirector(parent.index, owner.index, parent.regDay, 'LEGAL_REPRESENTATIVE');
  b.addShareholder(parent.index, 'person', owner.index, 1, parent.regDay);
  const members = [parent.index];
  for (let j = 1; j < size; j++) {
    const regDay = Math.max(parent.regDay + 30, ordinaryRegDay(b));
    const child = createCompany(b, { regDay, quality: baseQuality + 0.7 * b.rng.normal(), region: parent.region });
    child.groupEffect = effect;
    const holder = members[Math.floor((j - 1) / 2)];
    const share = b.rng.chance(0.6) ? 1 : 0.51 + 0.4 * b.rng.next();
    b.addShareholder(child.index, 'company', holder, share, Math.max(regDay, b.company(holder).regDay));
    if (share < 1) {
      b.addShareholder(child.index, 'person', owner.index, 1 - share, regDay);
    }
    b.addDirector(child.index, owner.index, regDay, 'LEGAL_REPRESENTATIVE');
    secondDirector(b, child.index, child.region, regDay);
    members.push(child.index);
  }
}
