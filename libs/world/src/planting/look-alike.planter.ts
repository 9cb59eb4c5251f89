import { financialsFor } from '../generation/company.factory';
import type { WorldBuilder } from '../generation/world-builder';
import { normalizeAddress, normalizePhone } from '../identity/identity-format';
import { plantGroupCrossGuarantees } from './group-cross-guarantee.planter';
import { plantYoungHealthy } from './young-healthy.planter';

/** PRNG streams of the look-alike steps (the main stream is 1). */
export const LOOK_ALIKE_STREAMS = { centres: 21, offices: 22, young: 23, groups: 24, cleanRings: 25 } as const;

/**
 * Harmless look-alikes of the planted structures, so that no graph signal is a perfect flag:
 * healthy companies crowding one address or sharing one phone, healthy groups with guarantee
 * cycles, young tiny companies that do well, and ring members with sound own figures. None of
 * them adds default risk. Runs after rings and circles are planted, before the loan book.
 */
export function plantLookAlikes(b: WorldBuilder): void {
  const pool = healthyPool(b);
  let cursor = 0;
  const take = (size: number): number[] => {
    const members = pool.slice(cursor, cursor + size);
    cursor += size;
    return members;
  };
  b.withStream(LOOK_ALIKE_STREAMS.centres, () => plantBusinessCentres(b, take));
  b.withStream(LOOK_ALIKE_STREAMS.offices, () => plantAccountantOffices(b, take));
  b.withStream(LOOK_ALIKE_STREAMS.young, () => plantYoungHealthy(b));
  b.withStream(LOOK_ALIKE_STREAMS.groups, () => plantGroupCrossGuarantees(b));
  b.withStream(LOOK_ALIKE_STREAMS.cleanRings, () => cleanRingFigures(b));
}

/** Established plain companies of good hidden quality, shuffled on the centres' stream. */
function healthyPool(b: WorldBuilder): number[] {
  const pool = b.companies
    .filter((c) => b.isPlain(c) && c.quality > 0.3 && c.regDay < b.nowDay - 365)
    .map((c) => c.index);
  b.withStream(LOOK_ALIKE_STREAMS.centres, () => {
    for (let i = pool.length - 1; i > 0; i--) {
      const j = b.rng.int(i + 1);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
  });
  return pool;
}

function plantBusinessCentres(b: WorldBuilder, take: (size: number) => number[]): void {
  const { count, minSize, maxSize } = b.options.lookAlikes.businessCentres;
  for (let i = 0; i < count; i++) {
    const members = take(b.rng.between(minSize, maxSize));
    if (members.length === 0) {
      return;
    }
    const address = b.newAddress(b.company(members[0]).region);
    members.forEach((m) => (b.company(m).address = address));
    b.truth.lookAlikes.businessCentres.push({
      address: normalizeAddress(b.addresses[address]),
      companies: members.map((m) => b.company(m).id),
    });
  }
}

function plantAccountantOffices(b: WorldBuilder, take: (size: number) => number[]): void {
  const { count, minSize, maxSize } = b.options.lookAlikes.accountantOffices;
  for (let i = 0; i < count; i++) {
    const members = take(b.rng.between(minSize, maxSize));
    if (members.length === 0) {
      return;
    }
    const phone = b.newPhone();
    members.forEach((m) => (b.company(m).phone = phone));
    b.truth.lookAlikes.accountantOffices.push({
      phone: normalizePhone(b.phones[phone]),
      companies: members.map((m) => b.company(m).id),
    });
  }
}

/** Ring members keep their hidden (poor) quality, but their filings are drawn as a sound company's. */
function cleanRingFigures(b: WorldBuilder): void {
  const share = b.options.lookAlikes.cleanRingShare;
  for (const c of b.companies) {
    if (c.ring >= 0 && b.rng.chance(share)) {
      c.fin = financialsFor(b, 1.2 + 0.3 * b.rng.normal(), c.industry, 8);
      b.truth.lookAlikes.cleanRingMembers.push(c.id);
    }
  }
}
